import mqtt from "mqtt";

// Phase (b) of bench:ingest: the broker's pass-through. A subscriber that only counts, at QoS 1,
// in its own process like the worker. Prints "ready", then "done <epoch ms>" at EXPECT messages.
const expected = Number(process.env.EXPECT);
const client = await mqtt.connectAsync(process.env.MQTT_URL!, { clientId: `bench-counter-${process.pid}`, clean: true });
let count = 0;
client.on("message", () => {
  if (++count === expected) {
    console.log(`done ${Date.now()}`);
    void client.endAsync().then(() => process.exit(0));
  }
});
await client.subscribeAsync("devices/+/telemetry", { qos: 1 });
console.log("ready");
