import type { GeneratedFile } from '../../../src/core/bundle/types';
import { libreswanGrammarViolations, rtxGrammarViolations, secretsGrammarViolations, swanctlGrammarViolations, sysctlGrammarViolations } from './grammars';
import { systemGrammarFor } from './systemGrammars';

/** Every line of a bundle checked against its dialect's grammar; the offending lines, by file. */
export function bundleGrammarViolations(files: readonly GeneratedFile[]): string[] {
  return files.flatMap((file) => {
    const bad =
      file.language === 'rtx'
        ? rtxGrammarViolations(file.content)
        : file.path.endsWith('.secrets')
          ? secretsGrammarViolations(file.content)
          : file.language === 'libreswan'
            ? libreswanGrammarViolations(file.content)
            : file.language === 'swanctl'
              ? swanctlGrammarViolations(file.content)
              : file.language === 'sysctl'
                ? sysctlGrammarViolations(file.content)
                : (systemGrammarFor(file)?.(file.content) ?? []);
    return bad.map((line) => `${file.path}: ${JSON.stringify(line)}`);
  });
}
