package dev.faultline.core.report;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Parses a report page with the JDK's XML parser and queries it with XPath. */
final class Xhtml {

    private final Document document;

    private Xhtml(Document document) {
        this.document = document;
    }

    /** Parses the page; fails the test with the parser's message when it is not well-formed. */
    static Xhtml parse(String page) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return new Xhtml(b.parse(new InputSource(new StringReader(page))));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("The page is not well-formed XML: " + e.getMessage() + "\n" + page, e);
        }
    }

    List<Element> all(String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document,
                    XPathConstants.NODESET);
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add((Element) nodes.item(i));
            }
            return out;
        } catch (XPathExpressionException e) {
            throw new AssertionError("bad XPath " + xpath, e);
        }
    }

    int count(String xpath) {
        return all(xpath).size();
    }

    String text(String xpath) {
        List<Element> found = all(xpath);
        if (found.isEmpty()) {
            throw new AssertionError("nothing at " + xpath);
        }
        return found.get(0).getTextContent();
    }

    Document document() {
        return document;
    }
}
