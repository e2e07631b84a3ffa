package io.presence.notifier.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.presence.http.ApiError;
import io.presence.http.JsonInput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's own frames, told apart from notifications by their {@code "type"} (a notification
 * never has one): {@code {"type":"ready","userId":…}} once the socket is served (if it asked, {@code ?ready=true}),
 * {@code {"type":"redirect","url":…,"partition":…}} and
 * {@code {"type":"error","code":40001,"message":…}}.
 */
final class ControlFrames {

    private ControlFrames() {
    }

    static String ready(String userId) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "ready");
        frame.put("userId", userId);
        return render(frame);
    }

    static String redirect(String url, int partition) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "redirect");
        frame.put("url", url);
        frame.put("partition", partition);
        return render(frame);
    }

    static String error(ApiError error, String message) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("code", error.code());
        frame.put("message", message);
        return render(frame);
    }

    private static String render(Map<String, Object> frame) {
        try {
            return JsonInput.mapper().writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always renders", e);
        }
    }
}
