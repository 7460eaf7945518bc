package org.keepalived4j.exporter.jolokia;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The Jolokia policy the agent runs with: the built-in one or {@code policy_file}, with a
 * {@code <cors>} section written from the {@code cors_origin} lines when the policy has none.
 *
 * <p>Jolokia's own default, without a {@code <cors>} section, is to answer every origin with
 * {@code Access-Control-Allow-Origin: <that origin>} and {@code Access-Control-Allow-Credentials:
 * true}, so any web page a user opens could read the agent with the user's credentials. So the
 * section is always there. Jolokia reads a section naming no origin as "every origin", so "none"
 * is written as the one origin {@value #NO_ORIGIN}, which no browser sends (an origin never
 * holds a space). {@code <strict-checking/>} is not added: it makes Jolokia refuse every request
 * that carries neither {@code Origin} nor {@code Referer}, i.e. curl and every other tool.
 */
final class AccessPolicy {

    static final String NO_ORIGIN = "no cross-origin access";

    private final Document document;

    private AccessPolicy(Document document) {
        this.document = document;
    }

    /** Parses a policy as Jolokia does (no DTDs, no external entities); throws with the parser's reason. */
    static AccessPolicy parse(byte[] xml) throws IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return new AccessPolicy(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            throw new IOException("not a Jolokia policy: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the policy has its own {@code <cors>} section. */
    boolean hasCors() {
        return document.getElementsByTagName("cors").getLength() > 0;
    }

    /**
     * The policy as Jolokia gets it: unchanged when it has a {@code <cors>} section, else with
     * one allowing exactly {@code origins} (none: no cross-origin access).
     */
    byte[] withCors(List<String> origins) throws IOException {
        if (!hasCors()) {
            Element root = document.getDocumentElement();
            root.appendChild(document.createComment(origins.isEmpty()
                    ? " keepalived4j: no cross-origin access (Jolokia reads a <cors> naming no origin as every"
                            + " origin, so it names one no browser sends) "
                    : " keepalived4j: the origins of cors_origin "));
            Element cors = document.createElement("cors");
            for (String origin : origins.isEmpty() ? List.of(NO_ORIGIN) : origins) {
                Element allow = document.createElement("allow-origin");
                allow.setTextContent(origin);
                cors.appendChild(allow);
            }
            root.appendChild(cors);
        }
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IOException("cannot write the Jolokia policy: " + e.getMessage(), e);
        }
    }
}
