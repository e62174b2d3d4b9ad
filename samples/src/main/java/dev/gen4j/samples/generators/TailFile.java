package dev.gen4j.samples.generators;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A log file read the way {@code tail -f} reads it: Python's file object with {@code seek(0, 2)}
 * and {@code readline()}. A line still being written is kept until its newline arrives, so a
 * reader never sees half a line.
 */
public class TailFile implements Closeable {
    private final FileChannel channel;
    private final ByteBuffer chunk = ByteBuffer.allocate(8192);
    /** Bytes read past the last complete line. */
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    public TailFile(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /** Goes to the end of the file: only lines written from now on will be read. */
    public void seekToEnd() throws IOException {
        channel.position(channel.size());
        partial.reset();
    }

    /** The next complete line, with its {@code \n}; null if none has been written yet. */
    public String readLine() throws IOException {
        for (;;) {
            String line = takeLine();
            if (line != null) {
                return line;
            }
            chunk.clear();
            if (channel.read(chunk) <= 0) {
                return null;
            }
            partial.write(chunk.array(), 0, chunk.position());
        }
    }

    private String takeLine() {
        byte[] bytes = partial.toByteArray();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                partial.reset();
                partial.write(bytes, i + 1, bytes.length - i - 1);
                return new String(bytes, 0, i + 1, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
