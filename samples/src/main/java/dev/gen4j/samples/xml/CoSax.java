package dev.gen4j.samples.xml;

import dev.gen4j.Gen;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** cosax.py: a SAX handler that pushes each parsing event into a coroutine. */
public final class CoSax {
    private CoSax() {
    }

    /** Sends every SAX event to {@code target}, as an {@link XmlEvent}. */
    public static final class EventHandler extends DefaultHandler {
        private final Gen<?> target;

        public EventHandler(Gen<?> target) {
            this.target = target;
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes attrs) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < attrs.getLength(); i++) {
                map.put(attrs.getQName(i), attrs.getValue(i));
            }
            target.send(new XmlEvent.Start(name, map));
        }

        @Override
        public void characters(char[] text, int start, int length) {
            target.send(new XmlEvent.Text(new String(text, start, length)));
        }

        @Override
        public void endElement(String uri, String localName, String name) {
            target.send(new XmlEvent.End(name));
        }
    }

    /** Python's {@code xml.sax.parse(source, handler)} with the JDK's SAX parser. */
    public static void parse(InputStream source, DefaultHandler handler) throws IOException, SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            // Like Python's SAX parser: no external entities or DTDs are fetched.
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            SAXParser parser = factory.newSAXParser();
            parser.parse(source, handler);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser cannot be configured", e);
        }
    }
}
