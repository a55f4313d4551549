package dev.faultline.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every method of {@link RunJournal} reaches the journal underneath, once, with its own arguments. */
class ForwardingRunJournalTest {

    @Test
    void everyCall_reachesTheDelegateOnce() throws Exception {
        List<String> reached = new ArrayList<>();
        RunJournal recording = (RunJournal) Proxy.newProxyInstance(RunJournal.class.getClassLoader(),
                new Class<?>[] {RunJournal.class}, (proxy, method, args) -> {
                    reached.add(method.getName() + "/" + (args == null ? 0 : args.length));
                    if (method.getReturnType() == Optional.class) {
                        return Optional.empty();
                    }
                    if (method.getReturnType() == List.class) {
                        return List.of();
                    }
                    return null;
                });
        RunJournal forwarding = new ForwardingRunJournal(recording) {};
        List<String> expected = new ArrayList<>();
        for (Method m : RunJournal.class.getMethods()) {
            if (m.isSynthetic() || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                Class<?> type = m.getParameterTypes()[i];
                args[i] = type == int.class ? 7 : type == List.class ? List.of() : null;
            }
            m.invoke(forwarding, args);
            expected.add(m.getName() + "/" + args.length);
        }
        assertThat(reached).as("calls that reached the delegate, in order").isEqualTo(expected);
    }
}
