import type { OrganisationDirectory } from '../domain/directory';
import type { JsonDirectory } from './jsonDirectory';

/**
 * The central unit (CENTRAL_UNIT_ID, or the directory's only root) must exist and have a
 * Meldpunt: it is where every case ends up when nobody else can take it.
 * @returns the central unit's id, or the problems naming the setting or the file
 */
export async function findCentralUnit(
  structure: JsonDirectory,
  directory: OrganisationDirectory,
  settings: { centralUnitId?: string; directoryFile: string },
): Promise<{ id: string } | { problems: string[] }> {
  const roots = structure.rootUnitIds();
  const centralUnitId = settings.centralUnitId ?? roots[0];
  const central = centralUnitId ? structure.unitById(centralUnitId) : undefined;
  if (!central || (!settings.centralUnitId && roots.length !== 1)) {
    return { problems: [`CENTRAL_UNIT_ID: set it to the root unit of ${settings.directoryFile} (found ${roots.length} units without a parent).`] };
  }
  if ((await directory.holdersOfRole('meldpunt', central.id)).people.length === 0) {
    return { problems: [`${settings.directoryFile}: the central unit "${central.id}" needs at least one "meldpunt" role holder: it is where every case ends up when nobody else can take it.`] };
  }
  return { id: central.id };
}
