// A one-line subject for an MSEL entry written from its effect and the scenario's names
// ("Group B attacks Inates"), for entries made from a scenario's injects, which have none.
import type { Scenario } from '../scenario/schema';
import type { MselEffect } from './msel';

type Named = { id: string; name?: string | undefined };

const nameIn = (items: readonly Named[], id: string): string =>
  items.find((x) => x.id === id)?.name ?? id;

/** The first sentence of a text, at most `max` characters. */
function firstSentence(text: string, max = 80): string {
  const s = text.split(/(?<=[.!?:])\s/)[0]!.trim();
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

export function effectSubject(effect: MselEffect, sc: Scenario, message?: string): string {
  const actor = (id: string) => nameIn(sc.actors, id);
  switch (effect.kind) {
    case 'spawn':
      return `New ${nameIn(sc.threats, effect.threat)} cell (${effect.strength})`;
    case 'attack':
      return `${nameIn(sc.threats, effect.threat)} attacks ${nameIn(sc.places, effect.place)}`;
    case 'agreement':
      return `${nameIn(sc.agreements, effect.agreement)} ${effect.active ? 'restored' : 'suspended'}`;
    case 'right': {
      const r = sc.rights.find((x) => x.id === effect.right);
      const what = r ? `${r.kind} right ${actor(r.grantor)} → ${actor(r.grantee)}` : effect.right;
      return `${what} ${effect.active ? 'granted' : 'suspended'}`;
    }
    case 'mechanism': {
      const all: Named[] = [
        ...sc.jointCentres,
        ...sc.liaisonOffices,
        ...sc.logisticsFrameworks,
        ...sc.capacityBuilding,
        ...sc.dialogues,
      ];
      return `${nameIn(all, effect.mechanism)} ${effect.active ? 'opens' : 'closes'}`;
    }
    case 'weather':
      return `Weather closes ${nameIn(sc.zones, effect.zone)} (${effect.closes.join(', ')}) for ${effect.hours} h`;
    case 'funding':
      return `Funding ${effect.amount >= 0 ? '+' : ''}${effect.amount} for ${actor(effect.actor)}`;
    case 'withdraw':
      return `${actor(effect.actor)} leaves ${actor(effect.organisation)}`;
    case 'narrative':
      return message ? firstSentence(message) : 'Narrative';
  }
}
