package dev.gen4j.samples.xml;

import java.util.Map;

/**
 * What the XML parsers send into the coroutines: the seed's tuples {@code ('start', (name, attrs))},
 * {@code ('text', text)} and {@code ('end', name)}.
 */
public sealed interface XmlEvent {
    record Start(String name, Map<String, String> attrs) implements XmlEvent {
    }

    record Text(String text) implements XmlEvent {
    }

    record End(String name) implements XmlEvent {
    }
}
