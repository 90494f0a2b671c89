import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useImportTranslation } from './i18n.ts';

function hasFiles(e: DragEvent): boolean {
  return [...(e.dataTransfer?.types ?? [])].includes('Files');
}

/**
 * Accepts files dropped anywhere on the page (the map included) and shows where to drop them
 * while a drag is over the window. Drags of text or map features are left alone.
 */
export function DropOverlay({ onFiles, disabled }: { onFiles(files: File[]): void; disabled: boolean }) {
  const { t } = useImportTranslation();
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const onFilesRef = useRef(onFiles);
  useEffect(() => {
    onFilesRef.current = onFiles;
  }, [onFiles]);

  useEffect(() => {
    if (disabled) return;
    // dragenter/dragleave fire for every child element crossed; a counter tells when the drag left.
    const enter = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current += 1;
      setOver(true);
    };
    const overFn = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const drop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setOver(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) onFilesRef.current(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overFn);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [disabled]);

  if (!over || disabled) return null;
  return createPortal(
    <div className="vt-drop-overlay" data-testid="drop-overlay">
      <div>
        <p className="vt-drop-title">{t('drop.title')}</p>
        <p>{t('drop.hint')}</p>
      </div>
    </div>,
    document.body,
  );
}
