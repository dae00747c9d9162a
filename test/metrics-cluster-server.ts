// A two-process server shaped like scripts/serve.ts, for lib/metrics/cluster.test.ts: the primary answers the workers'
// requests for metrics; worker n counts n requests to /cohorts before it listens, and answers every request with
// the metrics of the whole server. Prints "listening <port>" once both workers listen.
//   PORT=<port> node --import tsx test/metrics-cluster-server.ts
import cluster from "node:cluster";
import { createCairnServer } from "@/lib/http/server";
import { answerMetricsCollection, answerMetricsRequests, serverMetrics } from "@/lib/metrics/cluster";
import { recordRequest } from "@/lib/metrics/registry";

const WORKERS = 2;
const silent = { debug: () => undefined, info: () => undefined, error: () => undefined };

if (cluster.isPrimary) {
  answerMetricsRequests();
  let listening = 0;
  cluster.on("listening", () => {
    listening += 1;
    if (listening === WORKERS) process.stdout.write(`listening ${process.env.PORT}\n`);
  });
  for (let index = 0; index < WORKERS; index += 1) cluster.fork();
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
    process.exit(0);
  });
} else {
  answerMetricsCollection();
  for (let index = 0; index < cluster.worker!.id; index += 1) recordRequest("GET", "/cohorts", 200, 0.01);
  const { server } = createCairnServer({
    handler: async (_request, response) => {
      response.setHeader("content-type", "text/plain");
      response.end(await serverMetrics());
    },
    trust: { trustProxy: false, hops: 1 },
    log: silent,
  });
  server.listen(Number(process.env.PORT), "127.0.0.1");
}
