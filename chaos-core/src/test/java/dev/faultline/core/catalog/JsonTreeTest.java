package dev.faultline.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JsonTree} reads what the catalog's {@code ObjectMapper} read, and refuses what it
 * refused: the shipped data files and edge cases give equal trees, and the same inputs fail.
 */
class JsonTreeTest {

    /** The mapper the catalog loader used before {@link JsonTree}. */
    private static final ObjectMapper BEFORE = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @ParameterizedTest
    @ValueSource(strings = {CatalogLoader.ACTIONS_FILE, CatalogLoader.RESOURCE_TYPES_FILE, CatalogLoader.SSM_DOCUMENTS_FILE})
    void shippedFiles_giveTheTreeTheMapperGave(String file) throws IOException {
        byte[] data;
        try (InputStream in = Catalog.class.getResourceAsStream(file)) {
            data = in.readAllBytes();
        }

        assertThat(JsonTree.read(new ByteArrayInputStream(data))).isEqualTo(BEFORE.readTree(data));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "{\"a\":[1,-2,2147483648,9223372036854775808,0.1,1.50,1e3,-0.0,0.000]}",
            "{\"a\":{\"b\":{\"c\":[true,false,null,\"\",\"\\u00e9\"]}}}", "  {\"a\" : 1 }  \n", "\"text\"", "12"})
    void edgeCases_giveTheTreeTheMapperGave(String json) throws IOException {
        JsonNode tree = JsonTree.read(stream(json));

        assertThat(tree).isEqualTo(BEFORE.readTree(json));
        assertThat(tree.toString()).isEqualTo(BEFORE.readTree(json).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "{} {}", "{} x", "{\"a\":", "[1,", "{\"a\" 1}", "[1 2]", "{'a':1}", "nul"})
    void badInput_failsAsTheMapperFailed(String json) {
        assertThatThrownBy(() -> BEFORE.readTree(json)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> JsonTree.read(stream(json))).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void emptyStream_isNoDocument() throws IOException {
        assertThat(JsonTree.read(stream("  "))).isNull();
    }

    @Test
    void theStream_isLeftOpen() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        JsonTree.read(in);

        assertThat(closed[0]).isFalse();
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
