import { Badge, Button, Caption1, FluentProvider, Tab, TabList, Title3, makeStyles, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Locale } from '../../bot/domain/locale';
import { t } from '../../cards/i18n';
import { DeveloperSignIn, type DeveloperPerson } from './DeveloperSignIn';
import { LoadFailed, Loading } from './LoadState';
import { MyReports } from './MyReports';
import { Insights } from './Insights';
import { MyTasks } from './MyTasks';
import { TeamAgenda } from './TeamAgenda';
import { callTabApi, type Authorizer } from './tabClient';
import { tabText } from './tabText';

export type TeamsTheme = 'default' | 'dark' | 'contrast';
export type TabView = 'myReports' | 'myTasks' | 'teamAgenda' | 'insights';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

const useStyles = makeStyles({
  page: { minHeight: '100vh', boxSizing: 'border-box', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  who: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface TabAppProps {
  locale: Locale;
  theme: TeamsTheme;
  initialView: TabView;
  /** In Teams: the SSO token as `Bearer …`; absent outside Teams (then the developer sign-in, locally). */
  teamsAuthorize?: Authorizer;
}

/** The tab: Teams' theme, sign-in, then "Mijn meldingen", "Mijn taken", (owners and coordinators) "Teamagenda" and (coordinators) "Inzicht" as tabs that the keyboard reaches. */
export function TabApp({ locale, theme, initialView, teamsAuthorize }: TabAppProps) {
  const styles = useStyles();
  const [view, setView] = useState<TabView>(initialView);
  const [developer, setDeveloper] = useState<DeveloperPerson | undefined>();
  const developerAuthorize = useCallback(async () => `Developer ${developer?.id ?? ''}`, [developer]);
  const authorize = teamsAuthorize ?? (developer ? developerAuthorize : undefined);

  return (
    <FluentProvider theme={THEMES[theme]} dir="ltr" lang={locale}>
      <div className={styles.page}>
        {authorize ? (
          <SignedIn key={developer?.id ?? 'teams'} locale={locale} authorize={authorize} developer={developer !== undefined} onSwitch={() => setDeveloper(undefined)} view={view} onView={setView} />
        ) : (
          <>
            <Title3 as="h1">{t(locale, 'common.appName')}</Title3>
            <DeveloperSignIn locale={locale} onSignIn={setDeveloper} />
          </>
        )}
      </div>
    </FluentProvider>
  );
}

interface Me {
  name: string;
  views: TabView[];
}

/** Who is signed in (GET /api/tab/me, marked when it is the developer sign-in) and the views they have: the insights only for a coordinator. */
function SignedIn(props: { locale: Locale; authorize: Authorizer; developer: boolean; onSwitch: () => void; view: TabView; onView: (view: TabView) => void }) {
  const { locale, authorize, developer, onSwitch, view, onView } = props;
  const styles = useStyles();
  const [me, setMe] = useState<Me | { error: unknown } | undefined>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setMe(undefined);
    callTabApi<Me>('/api/tab/me', authorize).then(
      (value) => current && setMe(value),
      (error: unknown) => current && setMe({ error }),
    );
    return () => {
      current = false;
    };
  }, [authorize, round]);
  const title = <Title3 as="h1">{t(locale, 'common.appName')}</Title3>;
  if (me === undefined) return <>{title}<Loading label={tabText(locale, 'signIn.loading')} /></>;
  if ('error' in me) return <>{title}<LoadFailed locale={locale} error={me.error} onRetry={() => setRound((value) => value + 1)} /></>;
  const shown = me.views.includes(view) ? view : 'myReports';
  return (
    <>
      <header className={styles.header}>
        {title}
        <div className={styles.who}>
          <Caption1 id="signed-in-as">{tabText(locale, 'signIn.signedInAs', { name: me.name })}</Caption1>
          {developer && (
            <>
              <Badge color="warning">{tabText(locale, 'signIn.developerBadge')}</Badge>
              <Button size="small" onClick={onSwitch}>
                {tabText(locale, 'signIn.switch')}
              </Button>
            </>
          )}
        </div>
      </header>
      <TabList selectedValue={shown} onTabSelect={(_event, data) => onView(data.value as TabView)} aria-label={tabText(locale, 'nav.label')}>
        {me.views.map((name) => (
          <Tab key={name} value={name} id={`tab-${name}`} aria-controls="panel">
            {tabText(locale, `nav.${name}`)}
          </Tab>
        ))}
      </TabList>
      <main id="panel" role="tabpanel" aria-labelledby={`tab-${shown}`}>
        {shown === 'myReports' ? (
          <MyReports locale={locale} authorize={authorize} />
        ) : shown === 'myTasks' ? (
          <MyTasks locale={locale} authorize={authorize} />
        ) : shown === 'teamAgenda' ? (
          <TeamAgenda locale={locale} authorize={authorize} />
        ) : (
          <Insights locale={locale} authorize={authorize} />
        )}
      </main>
    </>
  );
}
