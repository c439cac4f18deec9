import type { GeneratedFile } from '../../core/index';
import { useI18n } from '../i18n';

/** The generated topology SVG, shown as an image of our own escaped markup. */
export function TopologyFigure({ files }: { readonly files: readonly GeneratedFile[] }) {
  const { t } = useI18n();
  const svg = files.find((file) => file.path === 'docs/topology.svg');
  if (!svg) return null;
  return (
    <figure className="topology">
      <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.content)}`} alt={t('preview.topologyAlt')} />
    </figure>
  );
}
