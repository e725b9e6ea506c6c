// Author mode (a mode beside play and review): the bar, the map with its tools, the side panel
// of forms. Its keys: the tools' letters, Enter / Backspace / Esc while drawing, Delete for the
// selected item, Ctrl+Z and Ctrl+Y (Ctrl+Shift+Z) for undo and redo, ? for the keys.
import { useEffect } from 'react';
import { removeItem } from '../../author/edit-ops';
import { getAuthor, setAuthor } from '../../store/author';
import { authorEdit, authorRedo, authorUndo } from '../../store/author-session';
import { pause } from '../../store/bridge';
import { setHelpOpen } from '../../store/map-tools';
import { HelpDialog } from '../map-tools/HelpDialog';
import { MapReadout } from '../map-tools/MapReadout';
import { isKey } from '../shortcuts';
import { AuthorBar } from './AuthorBar';
import { AuthorMap, authorMapKey } from './AuthorMap';
import { AuthorPanel } from './AuthorPanel';
import { TOOLS, ToolPalette } from './ToolPalette';
import './author.css';

const typing = (t: EventTarget | null) => {
  const el = t as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === 'INPUT' ||
      el.tagName === 'SELECT' ||
      el.tagName === 'TEXTAREA' ||
      el.isContentEditable)
  );
};

function removeSelected(): void {
  const sel = getAuthor().selection;
  if (!sel || sel.table === 'unitTypes') return;
  if (authorEdit(`remove ${sel.id}`, removeItem(sel.table, sel.id))) setAuthor({ selection: null });
}

function onKey(e: KeyboardEvent): void {
  if (e.defaultPrevented || typing(e.target)) return;
  const mod = e.ctrlKey || e.metaKey;
  if (mod && e.key.toLowerCase() === 'z') {
    e.preventDefault();
    if (e.shiftKey) authorRedo();
    else authorUndo();
    return;
  }
  if (mod && e.key.toLowerCase() === 'y') {
    e.preventDefault();
    authorRedo();
    return;
  }
  if (mod || e.altKey || (e.target as HTMLElement | null)?.closest?.('dialog')) return;
  if (authorMapKey(e)) {
    e.preventDefault();
    return;
  }
  if (e.key === '?') {
    setHelpOpen(true);
    return;
  }
  const tool = TOOLS.find((t) => isKey(t.key, e));
  if (tool) setAuthor({ tool: tool.id, hint: null });
  else if (isKey('au-delete', e)) removeSelected();
  else if (isKey('au-cancel', e)) setAuthor({ tool: 'select', hint: null });
}

export function AuthorMode() {
  useEffect(() => {
    void pause('user'); // the run behind waits until Try it or Close
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="au-app">
      <AuthorBar />
      <main className="au-work">
        <div className="au-mapwrap">
          <AuthorMap />
          <ToolPalette />
          <MapReadout />
        </div>
        <AuthorPanel />
      </main>
      <HelpDialog groups={['author', 'controls']} />
    </div>
  );
}
