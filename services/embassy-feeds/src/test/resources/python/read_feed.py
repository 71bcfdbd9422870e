"""A stock, non-Java client of an embassy feed: Debian's confluent-kafka and avro, nothing of casetrack.

Reads the topic from its start with a plain Consumer, takes the schema id from the 5-byte
Confluent wire-format header, fetches that schema from the registry's REST (/schemas/ids/{id}),
decodes the Avro binary with avro's DatumReader, and prints one JSON line per record, then
"DONE <count>". Usage: read_feed.py <bootstrap> <topic> <registry-url> <expected-count> <timeout-seconds>
"""
import io
import json
import struct
import sys
import time
import urllib.request

import avro.io
import avro.schema
from confluent_kafka import Consumer, KafkaError, TopicPartition

bootstrap, topic, registry, expected, timeout = sys.argv[1], sys.argv[2], sys.argv[3].rstrip("/"), int(sys.argv[4]), float(sys.argv[5])
schemas = {}


def schema_for(schema_id):
    if schema_id not in schemas:
        with urllib.request.urlopen(f"{registry}/schemas/ids/{schema_id}", timeout=10) as response:
            schemas[schema_id] = avro.schema.parse(json.loads(response.read())["schema"])
    return schemas[schema_id]


def decode(data):
    magic, schema_id = struct.unpack(">bI", data[:5])
    if magic != 0:
        raise ValueError(f"not the Confluent wire format: magic byte {magic}")
    schema = schema_for(schema_id)
    return schema_id, avro.io.DatumReader(schema).read(avro.io.BinaryDecoder(io.BytesIO(data[5:])))


consumer = Consumer({
    "bootstrap.servers": bootstrap,
    "group.id": "stock-python-client",
    "enable.auto.commit": False,
    "isolation.level": "read_committed",
})
consumer.assign([TopicPartition(topic, 0, 0)])
count = 0
deadline = time.time() + timeout
try:
    while count < expected and time.time() < deadline:
        message = consumer.poll(0.5)
        if message is None:
            continue
        if message.error():
            if message.error().code() == KafkaError._PARTITION_EOF:
                continue
            raise SystemExit(f"consumer error: {message.error()}")
        schema_id, value = decode(message.value())
        print(json.dumps({"offset": message.offset(), "key": message.key().decode("utf-8"), "schemaId": schema_id,
                          "value": value}, default=str, sort_keys=True), flush=True)
        count += 1
finally:
    consumer.close()
print(f"DONE {count}", flush=True)
