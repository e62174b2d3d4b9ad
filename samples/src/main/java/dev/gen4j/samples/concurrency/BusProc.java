package dev.gen4j.samples.concurrency;

import dev.gen4j.samples.xml.Buses;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * busproc.py: the bus processor that {@link CoProcess} runs in a child JVM. It reads serialized
 * bus records from standard input and sends them to the route 22, north bound filters and
 * printer.
 */
public final class BusProc {
    private BusProc() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        PrintWriter out = new PrintWriter(System.out);
        CoProcess.recvfrom(new BufferedInputStream(System.in), Buses.route22NorthBound(out));
        out.flush();
    }
}
