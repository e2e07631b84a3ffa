package io.presence.deploy;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Every document of a YAML file, as a tree. Duplicate keys are an error, as they are to kubectl; anchors
 * and aliases are not expanded (Jackson reads an alias as its name), so the deployment files use none.
 */
final class YamlDocuments {

    private static final ObjectReader READER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()
            .readerFor(JsonNode.class);

    private YamlDocuments() {
    }

    static List<JsonNode> read(Path file) throws IOException {
        try (MappingIterator<JsonNode> documents = READER.readValues(file.toFile())) {
            return documents.readAll();
        }
    }

    /** The one document of a file that must hold exactly one. */
    static JsonNode readOne(Path file) throws IOException {
        List<JsonNode> documents = read(file);
        if (documents.size() != 1) {
            throw new IOException(file + " holds " + documents.size() + " YAML documents, not one");
        }
        return documents.get(0);
    }
}
