package dev.gen4j.samples.xml;

import dev.gen4j.Gen;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * coexpat.py: the same events as {@link CoSax}, from a lower-level parser. Python uses expat;
 * here the JDK's StAX reader, which the loop below drives, sending each event into the
 * coroutine as it comes. Coalescing plays the part of expat's {@code buffer_text}: each run of
 * text arrives as one event.
 */
public final class CoExpat {
    private CoExpat() {
    }

    public static void expatParse(InputStream f, Gen<?> target) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader parser = factory.createXMLStreamReader(f);
        try {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case XMLStreamConstants.START_ELEMENT:
                        target.send(new XmlEvent.Start(name(parser), attributes(parser)));
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        target.send(new XmlEvent.End(name(parser)));
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        target.send(new XmlEvent.Text(parser.getText()));
                        break;
                    default:
                        break;
                }
            }
        } finally {
            parser.close();
        }
    }

    /** The element's name as written, prefix included, as expat reports it. */
    private static String name(XMLStreamReader parser) {
        String prefix = parser.getPrefix();
        return prefix == null || prefix.isEmpty() ? parser.getLocalName() : prefix + ":" + parser.getLocalName();
    }

    private static Map<String, String> attributes(XMLStreamReader parser) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < parser.getAttributeCount(); i++) {
            attrs.put(parser.getAttributeLocalName(i), parser.getAttributeValue(i));
        }
        return attrs;
    }
}
