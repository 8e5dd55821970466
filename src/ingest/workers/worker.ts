// A worker thread of the ingest pool: reads bytes into drafts and runs the pipeline on documents.
// The main thread keeps the store; a worker only computes and answers, one unit at a time, so the pool
// can hold it to a time budget per document.
import { parentPort, workerData } from 'node:worker_threads';
import type { Pipeline } from '../../pipeline/pipeline.js';
import { readRequest } from '../read.js';
import { analyzeDocument } from '../analyze.js';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.js';

const port = parentPort!;
const setup = workerData as WorkerSetup;
const send = (message: FromWorker) => port.postMessage(message);

// The pipeline is loaded on the first analyze job, not at start: a re-ingest where nothing is new never needs it.
let pipeline: Promise<Pipeline> | undefined;
const loadPipeline = () => (pipeline ??= import('../../app/pipeline.js').then((m) => m.loadPipeline()));
send({ ready: true });

// The pool may post a job while another runs: they are taken one after the other, in order.
let queue = Promise.resolve();
port.on('message', (message: ToWorker) => {
  queue = queue.then(() => run(message));
});

async function run({ id, job }: ToWorker): Promise<void> {
  if (job.kind === 'read') {
    send({ id, unit: 0, value: await readRequest(job.request) });
    return;
  }
  if (!setup.analyze) throw new Error('this worker was started without a pipeline');
  let loaded: Pipeline;
  try {
    loaded = await loadPipeline();
  } catch (err) {
    // Every document of the job gets the reason; the pool sees them answered and moves on.
    const error = `cannot load the pipeline: ${(err as Error).message}`;
    job.documents.forEach((_, unit) => send({ id, unit, value: { error } }));
    return;
  }
  send({ id, loaded: true });
  for (let i = 0; i < job.documents.length; i++) {
    send({ id, unit: i, value: await analyzeDocument(job.documents[i], () => loaded) });
  }
}
