// Third-party compatibility check against a running `bin/presence-local`:
//  1. @kafkajs/confluent-schema-registry registers a schema, encodes and decodes with our registry;
//  2. it fetches our public PresenceEvent schema by subject and decodes events written by our Java serde;
//  3. kafkajs (a non-Java Kafka client) writes a PresenceEvent into presence.events in the wire
//     format and reads it back from our broker.
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');
const { Kafka, Partitioners, logLevel } = require('kafkajs');
const crypto = require('crypto');

const registryUrl = process.env.PRESENCE_SCHEMA_REGISTRY_URL || 'http://localhost:8081';
const bootstrap = process.env.PRESENCE_KAFKA_BOOTSTRAP || 'localhost:9092';
const topic = 'presence.events';

function ok(what) { console.log('ok   ' + what); }

async function main() {
  const registry = new SchemaRegistry({ host: registryUrl });

  // 1. register/encode/decode a schema of our own under an explicit TopicNameStrategy subject
  const probe = {
    type: 'record', name: 'CompatProbe', namespace: 'io.presence.compat',
    fields: [{ name: 'id', type: 'string' }, { name: 'n', type: 'long' }],
  };
  const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(probe) },
    { subject: 'compat-probe-value' });
  const again = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(probe, null, 2) },
    { subject: 'compat-probe-value' });
  if (again.id !== id) throw new Error(`re-register gave id ${again.id}, expected ${id}`);
  const bytes = await registry.encode(id, { id: 'x', n: 42 });
  const back = await registry.decode(bytes);
  if (back.n !== 42 || bytes[0] !== 0) throw new Error('probe round trip failed');
  ok(`registry: register (id ${id}), idempotent re-register, encode, decode`);

  // 2. our public schema, by subject
  const eventsId = await registry.getLatestSchemaId(`${topic}-value`);
  ok(`registry: latest ${topic}-value is schema id ${eventsId}`);

  // 3. write a PresenceEvent with kafkajs + the registry's encoding, read everything back decoded
  const kafka = new Kafka({ clientId: 'presence-compat-check', brokers: [bootstrap], logLevel: logLevel.WARN });
  // kafkajs' v2 default partitioner is murmur2 like the Java client's, so the event lands in the
  // user's partition next to every other event of that user (all user-keyed topics are co-partitioned)
  const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const eventId = crypto.randomUUID();
  const value = await registry.encode(eventsId, {
    eventId, timestamp: Date.now(), source: 'compat-check', type: 'HEARTBEAT', userId: 'compat-user',
    deviceId: 'd1', connectionId: 'c1', platform: null, customStatus: null, lastHeartbeatAt: null,
  });
  await producer.send({ topic, acks: -1, messages: [{ key: 'compat-user', value }] });
  await producer.disconnect();
  ok('kafkajs: wrote a PresenceEvent to ' + topic);

  const consumer = kafka.consumer({ groupId: 'presence-compat-check-' + eventId, readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seenOwn = false; let decoded = 0;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('did not read back our event within 30 s')), 30000);
    consumer.run({
      eachMessage: async ({ message }) => {
        const event = await registry.decode(message.value);
        decoded++;
        if (event.eventId === eventId) { seenOwn = true; clearTimeout(timer); resolve(); }
      },
    });
  });
  await consumer.disconnect();
  if (!seenOwn) throw new Error('own event not read back');
  ok(`kafkajs: read back and decoded ${decoded} events from ${topic} (including the Java-written ones)`);
}

main().then(() => { console.log('compatibility check passed'); process.exit(0); })
  .catch((e) => { console.error('compatibility check FAILED: ' + (e.stack || e)); process.exit(1); });
