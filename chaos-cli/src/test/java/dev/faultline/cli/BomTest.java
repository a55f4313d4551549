package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The BOM lists every published module of the reactor, at the reactor's version, and nothing else. */
class BomTest {

    /** Modules that are built but not published, so the BOM leaves them out. */
    private static final Set<String> UNPUBLISHED = Set.of("chaos-examples", "benchmarks", "chaos-bom");

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void bom_listsEveryPublishedModule_atTheReactorVersion() throws Exception {
        Document parent = parse(ROOT.resolve("pom.xml"));
        Set<String> published = new LinkedHashSet<>();
        NodeList modules = parent.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent().trim();
            if (!UNPUBLISHED.contains(module)) {
                published.add(artifactId(ROOT.resolve(module).resolve("pom.xml")));
            }
        }
        Document bom = parse(ROOT.resolve("chaos-bom/pom.xml"));
        Element bomProject = bom.getDocumentElement();
        assertThat(child(bomProject, "parent")).as("the BOM must not inherit the parent's dependencyManagement")
                .isNull();
        assertThat(text(bomProject, "version")).isEqualTo(text(parent.getDocumentElement(), "version"));
        Set<String> listed = new LinkedHashSet<>();
        NodeList deps = bom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            assertThat(text(dep, "groupId")).isEqualTo("dev.faultline");
            assertThat(text(dep, "version")).isEqualTo("${project.version}");
            listed.add(text(dep, "artifactId"));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void readme_showsTheBomImport() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher block = Pattern.compile("<artifactId>chaos-bom</artifactId>\\s*<version>[^<]+</version>\\s*"
                + "<type>pom</type>\\s*<scope>import</scope>").matcher(readme);
        assertThat(block.find()).as("README shows the BOM import block").isTrue();
    }

    private static String artifactId(Path pom) throws Exception {
        return text(parse(pom).getDocumentElement(), "artifactId");
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static Element child(Element parent, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && n.getNodeName().equals(name)) {
                return (Element) n;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
