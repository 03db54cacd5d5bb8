import { Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The document's text with the selected target's sentence marked and scrolled into view. */
export function SourceText({ text, highlight }: { text: string; highlight: string | null }) {
  const { t } = useTranslation();
  const mark = useRef<HTMLElement>(null);
  const at = highlight ? text.indexOf(highlight) : -1;
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [at, highlight]);
  return (
    <section aria-label={t('planImport.sourceText')}>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('planImport.sourceText')}
      </Typography.Title>
      <div className="hs-import-source" tabIndex={0} data-testid="import-source">
        {at < 0 || !highlight ? (
          text
        ) : (
          <>
            {text.slice(0, at)}
            <mark ref={mark}>{highlight}</mark>
            {text.slice(at + highlight.length)}
          </>
        )}
      </div>
    </section>
  );
}
