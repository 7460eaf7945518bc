package org.keepalived4j.config;

import java.util.ArrayList;
import java.util.Deque;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Test fixture: turns configuration text into {@link ConfigNode}s (braces, quotes, '#'/'!'
 * comments, line numbers), enough for the LVS section tests without the full reader.
 */
public final class ConfigText {

    private ConfigText() {
    }

    public static List<ConfigNode> nodes(String file, String text) {
        Deque<List<ConfigNode>> stack = new ArrayDeque<>();
        Deque<ConfigNode> open = new ArrayDeque<>();
        stack.push(new ArrayList<>());
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            List<String> words = words(lines[i]);
            if (words.isEmpty()) {
                continue;
            }
            if (words.get(0).equals("}")) {
                List<ConfigNode> children = stack.pop();
                ConfigNode parent = open.pop();
                stack.peek().add(new ConfigNode(parent.location(), parent.keyword(), parent.args(), children));
                continue;
            }
            boolean block = words.get(words.size() - 1).equals("{");
            if (block) {
                words = words.subList(0, words.size() - 1);
            }
            ConfigNode node = new ConfigNode(new SourceLocation(file, i + 1), words.get(0),
                    words.subList(1, words.size()), null);
            if (block) {
                open.push(node);
                stack.push(new ArrayList<>());
            } else {
                stack.peek().add(node);
            }
        }
        return stack.pop();
    }

    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (quoted) {
                if (ch == '"') {
                    quoted = false;
                } else {
                    word.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                word = word == null ? new StringBuilder() : word;
            } else if ((ch == '#' || ch == '!') && word == null) {
                break;
            } else if (Character.isWhitespace(ch)) {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(ch);
            }
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }
}
