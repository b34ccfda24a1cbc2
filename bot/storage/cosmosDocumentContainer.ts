import type { Container, ItemDefinition, SqlParameter } from '@azure/cosmos';
import type { Page, Versioned } from '../app/common/storePorts';
import { ConcurrencyError, ConflictError, NotFoundError } from '../domain/errors';
import { assertValidDocumentId } from './assertValidDocumentId';
import { assertValidQuerySpec } from './assertValidQuerySpec';
import type { DocumentContainer, QuerySpec } from './documentContainer';

/** Properties Cosmos DB adds to every document; callers get back exactly what they stored. */
const SYSTEM_PROPERTIES = ['_rid', '_self', '_etag', '_attachments', '_ts'] as const;

/**
 * A DocumentContainer on a Cosmos DB container whose partition key path is `/id`, so every
 * point operation addresses one logical partition. Retrying on 429 is left to the SDK.
 */
export class CosmosDocumentContainer<T extends { id: string }> implements DocumentContainer<T> {
  constructor(private readonly container: Container) {}

  async read(id: string): Promise<Versioned<T> | undefined> {
    assertValidDocumentId(id);
    // The v4 SDK answers a missing item with statusCode 404 and no resource instead of throwing.
    const response = await this.container.item(id, id).read<T & ItemDefinition>();
    return response.resource ? versioned<T>(response.resource, response.etag) : undefined;
  }

  async create(doc: T): Promise<Versioned<T>> {
    assertValidDocumentId(doc.id);
    try {
      const response = await this.container.items.create<T & ItemDefinition>(doc);
      return versioned<T>(response.resource!, response.etag);
    } catch (error) {
      if (statusOf(error) === 409) throw new ConflictError(`a document with this id already exists in ${this.container.id}`, { cause: error });
      throw error;
    }
  }

  async replace(doc: T, etag: string): Promise<Versioned<T>> {
    assertValidDocumentId(doc.id);
    try {
      const response = await this.container.item(doc.id, doc.id).replace<T & ItemDefinition>(doc, { accessCondition: { type: 'IfMatch', condition: etag } });
      return versioned<T>(response.resource!, response.etag);
    } catch (error) {
      const status = statusOf(error);
      if (status === 412) throw new ConcurrencyError(`the document changed since it was read (${this.container.id})`, { cause: error });
      if (status === 404) throw new NotFoundError(`the document to replace is not in ${this.container.id}`, { cause: error });
      throw error;
    }
  }

  async upsert(doc: T): Promise<Versioned<T>> {
    assertValidDocumentId(doc.id);
    const response = await this.container.items.upsert<T & ItemDefinition>(doc);
    return versioned<T>(response.resource!, response.etag);
  }

  async delete(id: string): Promise<void> {
    assertValidDocumentId(id);
    try {
      await this.container.item(id, id).delete();
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  async query(spec: QuerySpec<T>): Promise<Page<Versioned<T>>> {
    assertValidQuerySpec(spec);
    // Field names are checked identifiers, quoted with bracket syntax so reserved words (value, order…) work too.
    const parameters: SqlParameter[] = spec.where.flatMap((condition, index) => (condition.op === 'isDefined' ? [] : [{ name: `@p${index}`, value: condition.value }]));
    const where = spec.where.map((condition, index) =>
      condition.op === 'isDefined' ? `IS_DEFINED(c[${JSON.stringify(condition.field)}])` : `c[${JSON.stringify(condition.field)}] ${condition.op} @p${index}`,
    );
    const orderBy = spec.orderBy ? ` ORDER BY c[${JSON.stringify(spec.orderBy.field)}] ${spec.orderBy.direction}` : '';
    const query = `SELECT * FROM c${where.length ? ` WHERE ${where.join(' AND ')}` : ''}${orderBy}`;
    const iterator = this.container.items.query<T & ItemDefinition>(
      { query, parameters },
      { maxItemCount: spec.limit, continuationToken: spec.continuationToken },
    );
    let response = await iterator.fetchNext();
    // A cross-partition query can yield an empty page before the data; skip those rather than hand them on.
    while (response.resources.length === 0 && response.hasMoreResults) response = await iterator.fetchNext();
    return {
      items: response.resources.map((resource) => versioned<T>(resource, resource._etag)),
      continuationToken: response.hasMoreResults ? response.continuationToken : undefined,
    };
  }
}

function versioned<T>(resource: T & ItemDefinition, etag: string | undefined): Versioned<T> {
  const value: Record<string, unknown> = { ...resource };
  const resourceEtag = value._etag;
  for (const property of SYSTEM_PROPERTIES) delete value[property];
  const version = etag ?? resourceEtag;
  if (typeof version !== 'string') throw new Error('Cosmos DB returned a document without an ETag');
  return { value: value as T, etag: version };
}

function statusOf(error: unknown): number | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown; statusCode?: unknown }) : {};
  if (typeof code.code === 'number') return code.code;
  return typeof code.statusCode === 'number' ? code.statusCode : undefined;
}
