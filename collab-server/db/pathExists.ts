import { stat } from 'node:fs/promises';

/** Whether a file or folder is there (fs/promises has no exists). */
export async function pathExists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
