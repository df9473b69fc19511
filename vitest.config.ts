import { defineConfig } from 'vitest/config';

// Tests run in Node: the engine directly, the game through real Chromium (tests/browser).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['**/*.test.ts'],
  },
});
