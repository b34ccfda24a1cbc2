import { formatDateTime } from '../../../cards/i18n';
import { renderTeamSettings } from '../../../cards/teamSettings';
import type { TeamSettingsView } from '../../../cards/teamSettings';
import type { AdaptiveCard } from '../../../cards/renderCard';
import { teamSettingsAccess } from '../../app/agenda/teamSettingsAccess';
import { teamUnitChoices } from '../../app/agenda/teamUnitChoices';
import type { TeamRecord } from '../../app/agenda/agendaPorts';
import type { Locale } from '../../domain/locale';
import type { BotServices } from '../botServices';

/** The most units offered on the card. */
const MAX_UNITS = 100;

/** The units offered: those the use case says this viewer may pick (`allowed`), else every unit (the welcome, seen by all; saving checks). */
async function unitChoices(services: BotServices, preferred: string | undefined, allowed?: { id: string; name: string }[]): Promise<TeamSettingsView['units']> {
  const units = allowed && allowed.length > 0 ? [...allowed] : (await services.directory.allUnits()).map((unit) => ({ id: unit.id, name: unit.name }));
  units.sort((a, b) => (a.id === preferred ? -1 : b.id === preferred ? 1 : a.name.localeCompare(b.name)));
  return units.slice(0, MAX_UNITS);
}

/** What to show: the saved settings, or what was entered (kept when the card comes back with errors). */
export interface SettingsCardOptions {
  viewerUserId: string;
  locale: Locale;
  welcome?: boolean;
  entered?: Readonly<Record<string, unknown>>;
  errors?: TeamSettingsView['errors'];
  justSaved?: boolean;
}

function asText(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value.slice(0, 300) : typeof value === 'number' || typeof value === 'boolean' ? String(value) : fallback;
}

/**
 * The settings card of a team for this viewer: the form for owners and the unit's coordinators,
 * and for everyone else who can change it (by name) instead. The welcome always has the form.
 */
export async function teamSettingsCard(services: BotServices, team: TeamRecord, options: SettingsCardOptions): Promise<AdaptiveCard> {
  // The welcome shows the form to everyone, so it needs no owners lookup (which may fail before the team granted consent).
  const access = options.welcome ? undefined : await teamSettingsAccess(services, team, options.viewerUserId);
  const locale = options.locale;
  const settings = team.settings;
  const unitId = settings?.unitId ?? access?.unitId ?? (await services.directory.team(team.teamId))?.unitId ?? '';
  const entered = options.entered ?? {};
  const base: TeamSettingsView = {
    locale,
    teamName: team.name ?? '',
    welcome: options.welcome === true,
    values: {
      weekdays: asText(entered.weekdays, (settings?.weekdays ?? [1]).join(',')),
      time: asText(entered.time, settings?.time ?? '09:00'),
      everyWeeks: asText(entered.everyWeeks, String(settings?.everyWeeks ?? 1)),
      leadWorkingDays: asText(entered.leadWorkingDays, String(settings?.leadWorkingDays ?? 1)),
      language: asText(entered.language, settings?.locale ?? locale),
      unitId: asText(entered.unitId, unitId),
      paused: entered.paused !== undefined ? asText(entered.paused, 'false') === 'true' : settings?.paused === true,
    },
    units: await unitChoices(services, unitId, access?.allowed ? await teamUnitChoices(services, team, options.viewerUserId, access.ownerIds) : undefined),
    errors: options.errors ?? {},
  };
  // The welcome after install is seen by the whole channel: it shows the form; saving checks who may.
  if (access && !access.allowed) {
    const names = async (ids: string[]): Promise<string[]> => (await Promise.all(ids.slice(0, 20).map(async (id) => (await services.directory.getPerson(id))?.name))).filter((name): name is string => !!name);
    return renderTeamSettings({ ...base, readOnly: { ownerNames: await names(access.ownerIds), coordinatorNames: await names(access.coordinatorIds) } });
  }
  if (options.justSaved && settings) {
    base.saved =
      settings.paused || !team.nextPostAt || !team.nextMeetingAt
        ? { paused: true }
        : { paused: false, nextPost: formatDateTime(new Date(team.nextPostAt), locale), meeting: formatDateTime(new Date(team.nextMeetingAt), locale) };
  }
  return renderTeamSettings(base);
}
