package io.presence.registry;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty answers requests it cannot even parse (a malformed percent-escape in the path, a NUL byte)
 * before Javalin sees them, with an HTML page by default; this keeps those answers in the registry's
 * JSON error shape too.
 */
final class JsonBadMessageHandler extends ErrorHandler {

    private final RegistryJson json;

    JsonBadMessageHandler(RegistryJson json) {
        this.json = json;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, RegistryJson.MEDIA_TYPE);
        return ByteBuffer.wrap(json.errorBytes(status, reason == null ? "Bad request" : reason));
    }
}
