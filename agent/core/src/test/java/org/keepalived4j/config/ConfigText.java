package org.keepalived4j.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Builds {@link ConfigNode} trees from plain keepalived.conf text for parser tests: comments,
 * double/single quotes and braces, nothing else (no includes, macros or conditionals, which
 * are the reader's business and tested there).
 */
final class ConfigText {

    private ConfigText() {
    }

    static List<ConfigNode> parse(String file, String text) {
        Deque<Frame> stack = new ArrayDeque<>();
        Frame root = new Frame(null, null);
        stack.push(root);
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            List<String> words = words(lines[n]);
            SourceLocation at = new SourceLocation(file, n + 1);
            List<String> current = new ArrayList<>();
            for (String w : words) {
                if ("{".equals(w)) {
                    Frame f = new Frame(at, current.isEmpty() ? List.of("") : List.copyOf(current));
                    current.clear();
                    stack.push(f);
                } else if ("}".equals(w)) {
                    flush(stack.peek(), at, current);
                    if (stack.size() > 1) {
                        Frame done = stack.pop();
                        stack.peek().nodes.add(done.toNode());
                    }
                } else {
                    current.add(w);
                }
            }
            flush(stack.peek(), at, current);
        }
        while (stack.size() > 1) {
            Frame done = stack.pop();
            stack.peek().nodes.add(done.toNode());
        }
        return root.nodes;
    }

    private static void flush(Frame f, SourceLocation at, List<String> words) {
        if (!words.isEmpty()) {
            f.nodes.add(new ConfigNode(at, words.get(0), words.subList(1, words.size()), null));
            words.clear();
        }
    }

    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean in = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
                in = true;
            } else if (c == '#' || c == '!') {
                break;
            } else if (c == '{' || c == '}') {
                if (in) {
                    out.add(w.toString());
                    w.setLength(0);
                    in = false;
                }
                out.add(String.valueOf(c));
            } else if (Character.isWhitespace(c)) {
                if (in) {
                    out.add(w.toString());
                    w.setLength(0);
                    in = false;
                }
            } else {
                w.append(c);
                in = true;
            }
        }
        if (in) {
            out.add(w.toString());
        }
        return out;
    }

    private static final class Frame {
        final SourceLocation at;
        final List<String> head;
        final List<ConfigNode> nodes = new ArrayList<>();

        Frame(SourceLocation at, List<String> head) {
            this.at = at;
            this.head = head;
        }

        ConfigNode toNode() {
            return new ConfigNode(at, head.get(0), head.subList(1, head.size()), nodes);
        }
    }
}
