import mqtt from "mqtt";

// Phase (b) of bench:ingest: the broker's pass-through. A subscriber that only counts, at QoS 1,
// in its own process like the worker. Prints "ready", then "done <epoch ms> <CPU µs used since ready>"
// at EXPECT messages.
const expected = Number(process.env.EXPECT);
const client = await mqtt.connectAsync(process.env.MQTT_URL!, {
  clientId: `bench-counter-${process.pid}`,
  clean: true,
});
let count = 0;
let cpuAtReady = process.cpuUsage();
client.on("message", () => {
  if (++count === expected) {
    const cpu = process.cpuUsage(cpuAtReady);
    console.log(`done ${Date.now()} ${cpu.user + cpu.system}`);
    void client.endAsync().then(() => process.exit(0));
  }
});
await client.subscribeAsync("devices/+/telemetry", { qos: 1 });
cpuAtReady = process.cpuUsage();
console.log("ready");
