import type { StoreDb } from '../../store/dialect.ts';
import { regionAncestry } from '../../store/organisation/region-ancestry.ts';

/**
 * The region and the regions above it, nearest first (one query). A region the store does not
 * know is still itself: its chain is just its id.
 */
export async function regionChain(db: StoreDb, regionId: string): Promise<readonly string[]> {
  const chain = await regionAncestry(db, regionId);
  return chain.length > 0 ? chain : [regionId];
}
