/**
 * PLRsearch with its integrator on worker threads, ready for the CLI: options are validated
 * before any thread starts, and the worker pool is closed however the search ends.
 */
import { compilePlrOptions } from "../search/plr/options.js";
import type { PlrResult } from "../search/plr/result.js";
import type { PlrSearchParams } from "../search/plr/search.js";
import { runPlrSearch } from "../search/plr/search.js";
import type { WorkerPoolOptions } from "./pool.js";
import { createWorkerPoolIntegrator } from "./pool.js";

export interface PlrOnWorkersParams extends Omit<PlrSearchParams, "integrator"> {
  readonly pool?: WorkerPoolOptions;
}

export async function runPlrSearchOnWorkers(params: PlrOnWorkersParams): Promise<PlrResult> {
  const { pool: poolOptions, ...search } = params;
  const options = compilePlrOptions(search.options);
  const integrator = createWorkerPoolIntegrator(poolOptions);
  try {
    return await runPlrSearch({ ...search, options, integrator });
  } finally {
    await integrator.close();
  }
}
