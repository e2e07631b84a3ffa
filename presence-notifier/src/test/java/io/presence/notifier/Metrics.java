package io.presence.notifier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/** Reads one series of a service's {@code /metrics} (Prometheus text) over HTTP. */
final class Metrics {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Metrics() {
    }

    static String scrape(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot scrape port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The value of the series {@code name} whose labels include every {@code label="value"} given (in
     * any order), summed over the matching series; 0 when none exists.
     */
    static double value(int port, String name, String... labels) {
        double sum = 0;
        for (String line : scrape(port).split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            String series = line.substring(0, line.lastIndexOf(' '));
            if (Arrays.stream(labels).allMatch(series::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
