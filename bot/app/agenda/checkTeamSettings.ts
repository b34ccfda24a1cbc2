import { DateTime } from 'luxon';
import type { TeamSettings } from '../../domain/agenda/teamSettings';
import { ValidationError } from '../../domain/errors';
import { ZONE } from '../../domain/workingCalendar';
import type { TeamSettingsCommand } from './agendaCommands';

/**
 * The team's settings from a parsed settings card: the unit must exist (`knownUnit`, else
 * `unknownUnit`) and be one this user may give the team (`allowedUnit`, else `unitNotAllowed`).
 * A changed interval counts from this week; otherwise the cycle stays where it was.
 */
export async function checkTeamSettings(
  command: TeamSettingsCommand,
  knownUnit: (unitId: string) => Promise<boolean>,
  now: Date,
  previous?: TeamSettings,
  allowedUnit: (unitId: string) => Promise<boolean> = async () => true,
): Promise<TeamSettings> {
  if (command.unitId === '' || !(await knownUnit(command.unitId))) throw new ValidationError({ unitId: 'unknownUnit' });
  if (!(await allowedUnit(command.unitId))) throw new ValidationError({ unitId: 'unitNotAllowed' });
  const thisMonday = DateTime.fromJSDate(now, { zone: ZONE }).startOf('week').toISODate() ?? now.toISOString().slice(0, 10);
  return {
    ...command,
    weekdays: [...command.weekdays],
    anchorDate: previous && previous.everyWeeks === command.everyWeeks ? previous.anchorDate : thisMonday,
  };
}
