import { app, authentication } from '@microsoft/teams-js';
import { createRoot } from 'react-dom/client';
import { TabApp, type TabView, type TeamsTheme } from './TabApp';
import { chooseLocale } from './tabText';

const THEMES: readonly TeamsTheme[] = ['default', 'dark', 'contrast'];
const VIEWS: readonly TabView[] = ['myReports', 'myTasks', 'teamAgenda', 'insights'];

function oneOf<T extends string>(value: string | null | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

/**
 * Starts the tab. Inside Teams (a framed page): TeamsJS first, then the language and theme from
 * Teams' context, and each API call signed with `authentication.getAuthToken()`. Framed or not,
 * `?lang=`, `?theme=` and `?view=` may say otherwise (the manifest passes `{locale}`).
 */
async function start(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const root = createRoot(document.getElementById('root')!);
  let context: app.Context | undefined;
  if (window.parent !== window) {
    try {
      await app.initialize();
      context = await app.getContext();
    } catch {
      context = undefined;
    }
  }
  const locale = chooseLocale(params.get('lang'), context?.app.locale, navigator.language);
  document.documentElement.lang = locale;
  const render = (theme: string | undefined) =>
    root.render(
      <TabApp
        locale={locale}
        theme={oneOf(params.get('theme') ?? theme, THEMES, 'default')}
        initialView={oneOf(params.get('view') ?? context?.page.id, VIEWS, 'myReports')}
        teamsAuthorize={context ? teamsAuthorize : undefined}
      />,
    );
  render(context?.app.theme);
  if (context) {
    app.registerOnThemeChangeHandler((theme) => render(theme));
    app.notifySuccess();
  }
}

async function teamsAuthorize(): Promise<string> {
  return `Bearer ${await authentication.getAuthToken()}`;
}

void start();
