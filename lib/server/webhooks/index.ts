export { startWebhookDelivery } from "./loop";
export { deliverNow, type AttemptReport } from "./deliver";
export { deliveryOptions, DEFAULT_DELIVERY_OPTIONS, type DeliveryOptions } from "./options";
