package dev.faultline.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FIS action catalog: every action, target resource type and pre-configured SSM document
 * FIS documents, with lookups by name that take constant time.
 *
 * <p>{@link #defaultCatalog()} reads the data files shipped in this jar
 * ({@code dev/faultline/core/catalog/actions.json}, {@code resource-types.json} and
 * {@code ssm-documents.json}) once, on first use; {@link #load(InputStream, InputStream,
 * InputStream)} reads other copies, for example a newer catalog. A catalog is immutable and
 * safe to share between threads.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.defaultCatalog();
 * catalog.action("aws:ec2:terminate-instances").map(ActionDefinition::reversible);   // Optional[false]
 * catalog.ssmDocument("arn:aws:ssm:us-east-1::document/AWSFIS-Run-CPU-Stress");      // found
 * Suggestions.nearest("aws:ec2:terminate-instance", catalog.actionIds(), 3);
 * }</pre>
 */
public final class Catalog {

    private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);

    private final Map<String, ActionDefinition> actions;
    private final Map<String, ResourceTypeDefinition> resourceTypes;
    private final Map<String, SsmDocumentDefinition> ssmDocuments;
    private final Map<String, ActionDefinition> actionIndex;
    private final Map<String, ResourceTypeDefinition> resourceTypeIndex;
    private final Map<String, SsmDocumentDefinition> ssmDocumentIndex;
    private final Set<String> targetKeys;

    Catalog(Map<String, ActionDefinition> actions, Map<String, ResourceTypeDefinition> resourceTypes,
            Map<String, SsmDocumentDefinition> ssmDocuments) {
        this.actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
        this.resourceTypes = Collections.unmodifiableMap(new LinkedHashMap<>(resourceTypes));
        this.ssmDocuments = Collections.unmodifiableMap(new LinkedHashMap<>(ssmDocuments));
        this.actionIndex = new HashMap<>(actions);
        this.resourceTypeIndex = new HashMap<>(resourceTypes);
        this.ssmDocumentIndex = new HashMap<>(ssmDocuments);
        Set<String> keys = new LinkedHashSet<>();
        actions.values().forEach(action -> keys.addAll(action.targets().keySet()));
        this.targetKeys = Collections.unmodifiableSet(keys);
    }

    /**
     * Returns the catalog shipped with this library, reading its data files on first use.
     *
     * @return the shared default catalog
     * @throws CatalogException if the shipped data files are missing or malformed
     */
    public static Catalog defaultCatalog() {
        return DefaultHolder.INSTANCE;
    }

    /**
     * Reads a catalog from the three data files. The streams are read to their end but not
     * closed; the caller closes them.
     *
     * <pre>{@code
     * try (InputStream actions = Files.newInputStream(dir.resolve("actions.json"));
     *      InputStream types = Files.newInputStream(dir.resolve("resource-types.json"));
     *      InputStream documents = Files.newInputStream(dir.resolve("ssm-documents.json"))) {
     *     Catalog catalog = Catalog.load(actions, types, documents);
     * }
     * }</pre>
     *
     * @param actions       the content of {@code actions.json}
     * @param resourceTypes the content of {@code resource-types.json}
     * @param ssmDocuments  the content of {@code ssm-documents.json}
     * @return the catalog
     * @throws CatalogException if a file is not valid JSON or holds bad data; the message names
     *     the file and the field
     */
    public static Catalog load(InputStream actions, InputStream resourceTypes, InputStream ssmDocuments) {
        Catalog catalog = CatalogLoader.load(actions, resourceTypes, ssmDocuments);
        LOG.debug("catalog loaded actions={}, resourceTypes={}, ssmDocuments={}",
                catalog.actions.size(), catalog.resourceTypes.size(), catalog.ssmDocuments.size());
        return catalog;
    }

    /**
     * The shipped catalog with an overlay file laid over it, for actions, resource types or SSM
     * documents newer than this release. The overlay is in the shipped data's own format: a
     * {@code formatVersion}, an optional {@code source}, and any of the lists {@code actions},
     * {@code resourceTypes} and {@code documents}, whose entries replace shipped ones with the same
     * id, type or name and are otherwise added. The result is checked like the shipped data.
     *
     * <pre>{@code
     * Catalog catalog = Catalog.withOverlay(Path.of("fis-actions-2027.json"));
     * Validator validator = Validator.standard().withCatalog(catalog);
     * }</pre>
     *
     * @param overlay the overlay file
     * @return the catalog
     * @throws CatalogException if the file cannot be read, is not valid JSON or holds bad data;
     *     the message names the file and the field
     */
    public static Catalog withOverlay(java.nio.file.Path overlay) {
        try (InputStream in = java.nio.file.Files.newInputStream(overlay)) {
            return withOverlay(overlay.toString(), in);
        } catch (IOException e) {
            throw new CatalogException(overlay + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The shipped catalog with an overlay read from a stream (see {@link #withOverlay(java.nio.file.Path)}).
     * The stream is read to its end but not closed.
     *
     * @param name the overlay's name in error messages, such as its file name
     * @param overlay the overlay's content
     * @return the catalog
     * @throws CatalogException if the overlay is not valid JSON or holds bad data
     */
    public static Catalog withOverlay(String name, InputStream overlay) {
        Objects.requireNonNull(overlay, "overlay");
        try (InputStream actions = resource(CatalogLoader.ACTIONS_FILE);
             InputStream types = resource(CatalogLoader.RESOURCE_TYPES_FILE);
             InputStream documents = resource(CatalogLoader.SSM_DOCUMENTS_FILE)) {
            return CatalogOverlay.load(name, overlay, Map.of(CatalogLoader.ACTIONS_FILE, actions,
                    CatalogLoader.RESOURCE_TYPES_FILE, types, CatalogLoader.SSM_DOCUMENTS_FILE, documents));
        } catch (IOException e) {
            throw new CatalogException("closing the catalog data files: " + e.getMessage(), e);
        }
    }

    /**
     * Finds an action by its exact, case-sensitive ID.
     *
     * @param id the action ID, for example {@code aws:ec2:stop-instances}
     * @return the action, or empty when FIS has no such action
     */
    public Optional<ActionDefinition> action(String id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(actionIndex.get(id));
    }

    /**
     * Returns every action, including deprecated ones, in data-file order.
     *
     * @return the actions (unmodifiable)
     */
    public Collection<ActionDefinition> actions() {
        return actions.values();
    }

    /**
     * Returns the IDs of every action, including deprecated ones, in data-file order; handy
     * as candidates for {@link Suggestions#nearest(String, Collection, int)}.
     *
     * @return the action IDs (unmodifiable)
     */
    public Set<String> actionIds() {
        return actions.keySet();
    }

    /**
     * Finds a target resource type by its exact name.
     *
     * @param type the resource type, for example {@code aws:ec2:instance}
     * @return the resource type, or empty when FIS has no such type
     */
    public Optional<ResourceTypeDefinition> resourceType(String type) {
        Objects.requireNonNull(type, "type");
        return Optional.ofNullable(resourceTypeIndex.get(type));
    }

    /**
     * Returns every resource type, including legacy ones, in data-file order.
     *
     * @return the resource types (unmodifiable)
     */
    public Collection<ResourceTypeDefinition> resourceTypes() {
        return resourceTypes.values();
    }

    /**
     * Finds a pre-configured SSM document by name or by ARN. An ARN is
     * {@code arn:<partition>:ssm:<region>:<account>:document/<name>}, where AWS-owned
     * documents leave the account empty.
     *
     * @param nameOrArn {@code AWSFIS-Run-CPU-Stress} or
     *     {@code arn:aws:ssm:us-east-1::document/AWSFIS-Run-CPU-Stress}
     * @return the document, or empty when it is not one of the catalogued documents
     */
    public Optional<SsmDocumentDefinition> ssmDocument(String nameOrArn) {
        Objects.requireNonNull(nameOrArn, "nameOrArn");
        return documentName(nameOrArn).map(ssmDocumentIndex::get);
    }

    /**
     * Returns every catalogued SSM document, in data-file order.
     *
     * @return the documents (unmodifiable)
     */
    public Collection<SsmDocumentDefinition> ssmDocuments() {
        return ssmDocuments.values();
    }

    /**
     * Returns every target key any action uses, in order of first use.
     *
     * @return the target keys, such as {@code Instances} and {@code SpotInstances} (unmodifiable)
     */
    public Set<String> targetKeys() {
        return targetKeys;
    }

    @Override
    public String toString() {
        return "Catalog[" + actions.size() + " actions, " + resourceTypes.size() + " resource types, "
                + ssmDocuments.size() + " SSM documents]";
    }

    private static Optional<String> documentName(String nameOrArn) {
        if (!nameOrArn.startsWith("arn:")) {
            return Optional.of(nameOrArn);
        }
        String[] parts = nameOrArn.split(":", 6);
        if (parts.length != 6 || !parts[2].equals("ssm") || !parts[5].startsWith("document/")) {
            return Optional.empty();
        }
        return Optional.of(parts[5].substring("document/".length()));
    }

    private static Catalog loadDefault() {
        try (InputStream actions = resource(CatalogLoader.ACTIONS_FILE);
             InputStream types = resource(CatalogLoader.RESOURCE_TYPES_FILE);
             InputStream documents = resource(CatalogLoader.SSM_DOCUMENTS_FILE)) {
            return load(actions, types, documents);
        } catch (IOException e) {
            throw new CatalogException("The built-in catalog data files could not be read: " + e, e);
        }
    }

    private static InputStream resource(String file) {
        InputStream in = Catalog.class.getResourceAsStream(file);
        if (in == null) {
            throw new CatalogException(file + ": not found on the class path next to " + Catalog.class.getName());
        }
        return in;
    }

    /** Holds the default catalog; the JVM initialises it once, on first access, thread-safely. */
    private static final class DefaultHolder {
        static final Catalog INSTANCE = loadDefault();
    }
}
