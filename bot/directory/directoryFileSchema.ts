import { z } from 'zod';
import { DIRECTORY_ROLES } from '../domain/directory';

const id = z.string().trim().min(1, 'must not be empty');
const idList = z.array(id);
const knownRoles: readonly string[] = DIRECTORY_ROLES;

/**
 * A reference that may be "none" (a unit's parent, a person's manager), written the usual JSON
 * ways: left out, `null` or `""` (also blank). "None" becomes `null`; anything else must be an id.
 */
const noneOrReference = z.preprocess(
  (value) => (value === null || (typeof value === 'string' && value.trim() === '') ? null : value),
  z.string({ error: 'must be an id (text); for none, leave it out or write null or ""' }).trim().min(1).nullable().optional(),
);

/**
 * Role names are checked rather than ignored like other extra fields: a misspelt role would
 * silently make the unit inherit its parent's holders, and reports would go to the wrong person.
 */
const roles = z.record(z.string(), idList).superRefine((value, ctx) => {
  for (const name of Object.keys(value)) {
    if (!knownRoles.includes(name)) {
      ctx.addIssue({ code: 'custom', path: [name], message: `unknown role (known roles: ${DIRECTORY_ROLES.join(', ')})` });
    }
  }
});

/**
 * The shape of the directory file (see config/directory.demo.json). Fields not listed here are
 * allowed and ignored. "No parent" and "no manager" may be written as the field left out, `null`
 * or `""`. `parentId` and `unitId` are accepted as spellings of `parent` and `unit`,
 * because they are the names of the domain fields and an ignored field would silently detach
 * a unit or a person.
 */
export const directoryFileSchema = z.object({
  units: z.array(
    z.object({
      id,
      name: z.string().trim().min(1, 'must not be empty'),
      parent: noneOrReference,
      parentId: noneOrReference,
      roles: roles.optional(),
    }),
  ),
  people: z.array(
    z.object({
      aadObjectId: id,
      name: z.string().trim().min(1, 'must not be empty'),
      unit: id.optional(),
      unitId: id.optional(),
      managerId: noneOrReference,
      locale: id.optional(),
      gender: id.optional(),
    }),
  ),
  teams: z
    .array(
      z.object({
        id,
        aadGroupId: id.optional(),
        name: z.string().trim().min(1, 'must not be empty'),
        unit: id.optional(),
        unitId: id.optional(),
        owners: idList.default([]),
        members: idList.default([]),
      })
      .refine((team) => (team.unit ?? team.unitId) !== undefined, { path: ['unit'], message: 'is required' }),
    )
    .optional(),
});

/** A directory file that passed {@link directoryFileSchema} (references not yet checked). */
export type DirectoryFile = z.output<typeof directoryFileSchema>;
