import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/client.ts';

/**
 * Where document bytes live, behind one interface: in PostgreSQL (default: one backup holds
 * everything) or in a folder (large volumes). An S3-compatible store would be a third
 * implementation. Keys are random ids chosen by Loket, never a user's file name.
 */
export interface DocumentStorage {
  readonly kind: 'database' | 'disk';
  put(db: Db, key: string, content: Buffer): Promise<void>;
  get(db: Db, key: string): Promise<Buffer | null>;
  remove(db: Db, key: string): Promise<void>;
}

export const databaseStorage: DocumentStorage = {
  kind: 'database',
  async put(db, key, content) {
    await db.insertInto('document_contents').values({ storage_key: key, content }).execute();
  },
  async get(db, key) {
    const row = await db
      .selectFrom('document_contents')
      .select('content')
      .where('storage_key', '=', key)
      .executeTakeFirst();
    return row?.content ?? null;
  },
  async remove(db, key) {
    await db.deleteFrom('document_contents').where('storage_key', '=', key).execute();
  },
};

export function diskStorage(dir: string): DocumentStorage {
  const fileOf = (key: string) => {
    if (!/^[a-f0-9-]{36}$/.test(key)) throw new Error('invalid storage key');
    return path.join(dir, key.slice(0, 2), key);
  };
  return {
    kind: 'disk',
    async put(_db, key, content) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Write then rename: a crash never leaves half a document under its final name.
      await writeFile(`${file}.part`, content);
      await rename(`${file}.part`, file);
    },
    async get(_db, key) {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async remove(_db, key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
