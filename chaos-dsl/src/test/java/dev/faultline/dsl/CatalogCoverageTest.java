package dev.faultline.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.Validator;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every action of the catalog is reachable, typed, from the per-service classes. */
class CatalogCoverageTest {

    static final List<Class<?>> SERVICES = List.of(Fis.class, Arc.class, CloudWatch.class, DynamoDb.class,
            Dsql.class, Ebs.class, Ec2.class, Ecs.class, Eks.class, ElastiCache.class, Kinesis.class, Lambda.class,
            MemoryDb.class, Network.class, Rds.class, S3.class, Ssm.class, DirectConnect.class);

    /** Calls every public static factory of the service classes with sample arguments. */
    static Map<String, FaultAction<?>> everyAction() throws Exception {
        Map<String, FaultAction<?>> actions = new LinkedHashMap<>();
        for (Class<?> service : SERVICES) {
            for (Method m : service.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                        && FaultAction.class.isAssignableFrom(m.getReturnType())) {
                    Object[] args = new Object[m.getParameterCount()];
                    for (int i = 0; i < args.length; i++) {
                        args[i] = m.getParameters()[i].getName().endsWith("Spec") ? "{}"
                                : sample(m.getGenericParameterTypes()[i]);
                    }
                    FaultAction<?> action = (FaultAction<?>) m.invoke(null, args);
                    actions.put(service.getSimpleName() + "." + m.getName() + args.length, action);
                }
            }
        }
        return actions;
    }

    private static Object sample(Type type) throws Exception {
        if (type == Duration.class) {
            return Duration.ofMinutes(10);
        }
        if (type == int.class) {
            return 50;
        }
        if (type == String.class) {
            return "us-east-1";
        }
        if (type instanceof Class && ((Class<?>) type).isEnum()) {
            return ((Class<?>) type).getEnumConstants()[0];
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            Type arg = p.getActualTypeArguments()[0];
            if (p.getRawType() == List.class) {
                return List.of(arg == String.class ? "us-east-1a" : sample(arg));
            }
            if (p.getRawType() == Target.class) {
                return target((Class<?>) arg);
            }
            if (p.getRawType() == RunDocument.class) {
                return Ssm.runCpuStress();
            }
        }
        throw new AssertionError("no sample for " + type);
    }

    @SuppressWarnings("deprecation")
    private static Target<?> target(Class<?> marker) {
        for (Method m : Chaos.class.getMethods()) {
            if (!Target.class.isAssignableFrom(m.getReturnType()) || m.getParameterCount() != 0) {
                continue;
            }
            Type generic = m.getReturnType() == Target.class ? m.getGenericReturnType()
                    : m.getReturnType().getGenericSuperclass();
            if (((ParameterizedType) generic).getActualTypeArguments()[0] == marker) {
                try {
                    return ((Target<?>) m.invoke(null)).tagged("FIS-Ready", "True").count(1);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        if (marker == EksPod.class) {
            return Chaos.eksPods("cluster", "default", PodSelector.labels("app=web"));
        }
        throw new AssertionError("no target factory for " + marker);
    }

    @Test
    void everyCatalogAction_isReachableFromTheDsl() throws Exception {
        Set<String> reached = new TreeSet<>();
        everyAction().values().forEach(a -> reached.add(a.actionId()));
        assertThat(reached).isEqualTo(new TreeSet<>(Catalog.defaultCatalog().actionIds()));
        assertThat(reached).hasSize(51);
    }

    @Test
    void everyTypedTarget_hasTheResourceTypeTheCatalogGivesForItsKey() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, FaultAction<?>> entry : everyAction().entrySet()) {
            FaultAction<?> action = entry.getValue();
            ActionDefinition definition = Catalog.defaultCatalog().action(action.actionId()).orElseThrow();
            action.data().targets().forEach((key, target) -> {
                if (!definition.targets().containsKey(key)
                        || !definition.targets().get(key).accepts(target.resourceType())) {
                    wrong.add(entry.getKey() + " " + key + " " + target.resourceType());
                }
            });
            assertThat(action.data().targets().keySet()).as(entry.getKey())
                    .isEqualTo(definition.targets().keySet());
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRequiredParameter_isAFactoryArgument_soNoCatalogErrorRemains() throws Exception {
        for (Map.Entry<String, FaultAction<?>> entry : everyAction().entrySet()) {
            ActionDefinition definition = Catalog.defaultCatalog().action(entry.getValue().actionId()).orElseThrow();
            definition.requiredParameters().forEach(p -> assertThat(entry.getValue().parameters())
                    .as(entry.getKey()).containsKey(p.name()));
            Experiment e = Chaos.experiment().description("d").role("arn:aws:iam::123456789012:role/r")
                    .action("a", entry.getValue()).build();
            assertThat(Validator.standard().validate(e).errors()).as(entry.getKey() + " " + e)
                    .filteredOn(v -> v.code().startsWith("parameter") || v.code().startsWith("action"))
                    .isEmpty();
        }
    }
}
