package dev.gen4j.samples.xml;

import static dev.gen4j.samples.coroutines.Coroutine.coroutine;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import javax.xml.stream.XMLStreamException;
import org.xml.sax.SAXException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * buses.py: an event-handling pipeline of coroutines. XML parsing events go in; each
 * {@code <bus>} element becomes a map of its fields; two filters keep route 22, north bound;
 * the last stage prints where those buses are.
 */
@Command(name = "bus", mixinStandardHelpOptions = true,
        description = {"Prints the route 22 North Bound buses, from XML events pushed through coroutines.",
                "Seed: buses.py with cosax.py; with --parser expat, coexpat.py."})
public class Buses implements Callable<Integer> {
    /** The XML parsers that can feed the pipeline. */
    enum Parser { sax, expat }

    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "The bus feed to read (default: the allroutes.xml shipped in samples.jar).")
    Path file;

    @Option(names = "--parser", paramLabel = "PARSER",
            description = "Which parser sends the events: sax (cosax.py, the JDK's SAX parser) or expat (coexpat.py, the JDK's StAX reader); default: ${DEFAULT-VALUE}.")
    Parser parser = Parser.sax;

    @Spec
    CommandSpec spec;

    /** Turns the events of each {@code <bus>} element into a map from field name to text. */
    @Generator
    public static Gen<Void> busesToDicts(Gen<?> target) {
        while (true) {
            XmlEvent event = Yield.now();
            // Look for the start of a <bus> element
            if (event instanceof XmlEvent.Start start && start.name().equals("bus")) {
                Map<String, String> busdict = new LinkedHashMap<>();
                List<String> fragments = new ArrayList<>();
                // Capture text of inner elements in a map
                while (true) {
                    event = Yield.now();
                    if (event instanceof XmlEvent.Start) {
                        fragments = new ArrayList<>();
                    } else if (event instanceof XmlEvent.Text text) {
                        fragments.add(text.text());
                    } else if (event instanceof XmlEvent.End end) {
                        if (!end.name().equals("bus")) {
                            busdict.put(end.name(), String.join("", fragments));
                        } else {
                            target.send(busdict);
                            break;
                        }
                    }
                }
            }
        }
    }

    /** Sends on the maps whose {@code fieldname} is {@code value}. */
    @Generator
    public static Gen<Void> filterOnField(String fieldname, String value, Gen<?> target) {
        while (true) {
            Map<String, String> d = Yield.now();
            if (Objects.equals(d.get(fieldname), value)) {
                target.send(d);
            }
        }
    }

    /** Prints route, id, direction and position of each bus it receives. */
    @Generator
    public static Gen<Void> busLocations(PrintWriter out) {
        while (true) {
            Map<String, String> bus = Yield.now();
            out.println(bus.get("route") + "," + bus.get("id") + ",\"" + bus.get("direction") + "\","
                    + bus.get("latitude") + "," + bus.get("longitude"));
        }
    }

    /** The filters and the printer: route 22, north bound, printed to {@code out}. */
    public static Gen<Void> route22NorthBound(PrintWriter out) {
        return coroutine(filterOnField("route", "22",
                coroutine(filterOnField("direction", "North Bound",
                coroutine(busLocations(out))))));
    }

    @Override
    public Integer call() throws IOException, SAXException, XMLStreamException {
        PrintWriter out = spec.commandLine().getOut();
        Gen<Void> pipeline = coroutine(busesToDicts(route22NorthBound(out)));
        try (InputStream in = AllRoutes.open(file)) {
            if (parser == Parser.sax) {
                CoSax.parse(in, new CoSax.EventHandler(pipeline));
            } else {
                CoExpat.expatParse(in, pipeline);
            }
        }
        out.flush();
        return 0;
    }
}
