package io.presence.registry;

import org.apache.avro.Schema;

/** Versions of one record, named for how they evolve from {@link #USER_V1}. */
final class TestSchemas {

    /** Pretty-printed with extra whitespace and a different key order, as a hand-written .avsc. */
    static final String USER_V1_AVSC = """
            {
              "name" : "User",
              "type" : "record",
              "namespace" : "io.presence.test",
              "fields" : [
                { "type" : "string",   "name" : "name" }
              ]
            }
            """;
    /** The same schema as Java clients send it: {@code Schema.toString()}. */
    static final String USER_V1 = new Schema.Parser().parse(USER_V1_AVSC).toString();
    /** Adds a field with a default: compatible in every direction. */
    static final String USER_WITH_AGE_DEFAULT = record("""
            {"name":"name","type":"string"},{"name":"age","type":"int","default":0}""");
    /** Adds a field without a default: the new schema cannot read old data (backward-incompatible). */
    static final String USER_WITH_AGE_REQUIRED = record("""
            {"name":"name","type":"string"},{"name":"age","type":"int"}""");
    /** Removes the field old readers need (forward-incompatible). */
    static final String USER_WITHOUT_NAME = record("""
            {"name":"nickname","type":["null","string"],"default":null}""");
    /** Changes a field's type: incompatible in both directions. */
    static final String USER_NAME_AS_INT = record("""
            {"name":"name","type":"int"}""");
    static final String ORDER = """
            {"type":"record","name":"Order","namespace":"io.presence.test","fields":[{"name":"id","type":"string"}]}""";

    private TestSchemas() {
    }

    private static String record(String fields) {
        return "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"io.presence.test\",\"fields\":[" + fields + "]}";
    }
}
