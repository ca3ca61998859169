export { processOutboxBatch, type BatchResult, type OutboxOptions } from "./worker";
export { startOutboxWorker, type StartWorkerOptions, type WorkerHandle } from "./run";
export { SIGNATURE_HEADERS, signWebhook, verifyWebhookSignature } from "./signature";
export { retryDelayMs } from "./backoff";
export type { Deliverer, OutgoingNotification } from "./channels";
