import { useEffect, type ReactNode } from 'react';

interface PageProps {
  title: string;
  /** The one primary action, shown at the top right. */
  action?: ReactNode;
  children: ReactNode;
  /** `page--landscape`: printed on A4 landscape (wide tables). */
  className?: string;
}

export function Page({ title, action, children, className }: PageProps) {
  useEffect(() => {
    document.title = `${title} — Passerelle`;
  }, [title]);
  return (
    <section className={className ? `page ${className}` : 'page'} aria-labelledby="page-title">
      <header className="page__header">
        <h1 id="page-title" className="page__title" tabIndex={-1}>
          {title}
        </h1>
        {action ? <div className="page__action">{action}</div> : null}
      </header>
      {children}
    </section>
  );
}

export function Section({ title, children, description }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend className="form-section__title">{title}</legend>
      {description ? <p className="form-section__description">{description}</p> : null}
      <div className="form-section__grid">{children}</div>
    </fieldset>
  );
}
