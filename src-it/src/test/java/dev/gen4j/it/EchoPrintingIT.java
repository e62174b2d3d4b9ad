package dev.gen4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The echo server's own printing never makes it wait: a stdout nobody reads, and --quiet. */
class EchoPrintingIT {
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
    /** Well past what a pipe holds of two lines per connection (about 1,300 connections). */
    private static final int CONNECTIONS = 4000;

    @Test
    void aStdoutNobodyReadsDoesNotStallServing() throws Exception {
        Process server = new ProcessBuilder(SampleProcess.withoutAgent("echo", "--port", "0"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // Read the first line only; from then on nobody reads the server's output.
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            Matcher listening = LISTENING.matcher(out.readLine());
            assertTrue(listening.find());
            int port = Integer.parseInt(listening.group(1));
            for (int i = 0; i < CONNECTIONS; i++) {
                assertEquals("hello " + i, EchoClient.roundTrip(port, "hello " + i), "connection " + i);
            }
            assertTrue(server.isAlive());
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void quietPrintsNoLinePerConnection() throws Exception {
        try (SampleProcess server = SampleProcess.start(SampleProcess.withoutAgent("echo", "--port", "0", "--quiet"))) {
            Matcher listening = LISTENING.matcher(server.awaitLine(line -> line.startsWith("Listening on ")));
            assertTrue(listening.find());
            int port = Integer.parseInt(listening.group(1));
            for (int i = 0; i < 3; i++) {
                assertEquals("quiet " + i, EchoClient.roundTrip(port, "quiet " + i));
            }
            server.close();
            assertEquals(0, server.countLines(line -> line.startsWith("Connection")));
            assertEquals(1, server.countLines(line -> line.startsWith("Listening on ")));
        }
    }
}
