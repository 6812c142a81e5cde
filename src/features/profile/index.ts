import { randomBytes } from 'node:crypto';
import { Composer } from 'telegraf';
import { canQuery, NATIONAL, ownScope } from '../../domain/access.js';
import { callbackButton, type CallbackButton } from '../../domain/callback-data.js';
import { canEditProfile, completenessOf, COMPLETENESS_PARTS, filledCount, sortedBudget, sortedRegulations } from '../../domain/profile.js';
import type { Unit } from '../../domain/regions/directory.js';
import { localDateOf } from '../../domain/when.js';
import { WIB } from '../../domain/zones.js';
import { isRegistered } from '../../bot/access.js';
import { actorOf } from '../../bot/actor.js';
import { pressedData } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { currentFlow, isPrivate } from '../../bot/flow.js';
import { applyStep, guidedFlow } from '../../bot/guided-flow.js';
import { replyHtml, withFloodRetry } from '../../bot/reply.js';
import { resolveUnit } from '../../bot/resolve-unit.js';
import {
  PROFILE_FEATURE,
  profileStep,
  startProfileEntry,
  type ProfileEffect,
  type ProfileFacts,
  type ProfilePart,
  type ProfileState,
} from '../../flows/profile.js';
import type { Reply } from '../../flows/step.js';
import { expiredButtonAnswer, noAccessAnswer, outOfScopeMessage } from '../../messages/access.js';
import { notRegisteredMessage } from '../../messages/common.js';
import type { Html } from '../../messages/html.js';
import {
  budgetLineTitle,
  kendalaAlreadyClosedAnswer,
  nationalProfileMessage,
  PROFILE_LABELS,
  profileSaved,
  profileText,
  profileUsageMessage,
  provinceProfileMessage,
  regulationTitle,
  unitProfileMessage,
} from '../../messages/profile.js';

const FEATURE = PROFILE_FEATURE;
const ENTRY: Record<string, ProfilePart> = { ereg: 'regulation', ebud: 'budget', evil: 'villages', eken: 'kendala' };

/** A province government's own profile is named as its government; a kab/kota by its name. */
const ownTitle = (u: Unit): string => (u.kind === 'provinsi' ? `Profil Pemerintah ${u.name}` : `Profil ${u.name}`);
const unitLabel = (u: Unit): string => (u.kind === 'provinsi' ? `Pemerintah ${u.name}` : u.name);

/**
 * /profile (/profil) <wilayah>: a region's slower profile (issue 20.4). Every registered role reads it within scope; a
 * province shows each kab/kota's completeness and its government's own profile. The unit's staff, coordinators in
 * scope and admins enter it through guided flows (flows/profile.ts) from the view's buttons, in a private chat.
 */
export function profileFeature(deps: BotDeps): Composer<BotContext> {
  const { store, regions } = deps;
  const nameOf = (code: string): string | undefined => {
    const u = regions.get(code);
    return u ? unitLabel(u) : undefined;
  };

  const removable = (code: string): boolean => {
    const p = store.profiles.get(code);
    return (p?.regulations.length ?? 0) + (p?.budget.length ?? 0) > 0;
  };

  const editButtons = (ctx: BotContext, u: Unit): CallbackButton[][] => {
    if (!isPrivate(ctx) || !canEditProfile(ctx.access, u.code)) return [];
    const b = (label: string, action: string) => callbackButton(label, FEATURE, action, u.code);
    const open = (store.profiles.get(u.code)?.kendala ?? []).some((k) => !k.closedAt);
    return [
      [b(PROFILE_LABELS.addRegulation, 'ereg'), b(PROFILE_LABELS.addBudget, 'ebud')],
      [b(PROFILE_LABELS.villages, 'evil'), b(PROFILE_LABELS.addKendala, 'eken')],
      ...(open ? [[b(PROFILE_LABELS.closeKendala, 'kc')]] : []),
      ...(removable(u.code) ? [[b(PROFILE_LABELS.remove, 'del')]] : []),
    ];
  };

  /** Who reads a profile may read its regulations' documents: sent again by their file_id. */
  const documentButtons = (u: Unit): CallbackButton[][] =>
    (store.profiles.get(u.code)?.regulations ?? []).filter((r) => r.document).map((r) => [callbackButton(PROFILE_LABELS.document(r), FEATURE, 'doc', r.id)]);

  const ownView = (u: Unit): Html => unitProfileMessage(ownTitle(u), store.profiles.get(u.code), completenessOf(store.profiles.get(u.code)), u.zone);

  const view = (ctx: BotContext, target: Unit | 'national'): { message: Html; buttons: CallbackButton[][] } => {
    if (target === 'national') {
      const rows = regions.provinces.map((p) => {
        const units = regions.regenciesOf(p.code);
        const filled = units.map((u) => filledCount(completenessOf(store.profiles.get(u.code))));
        return { name: p.name, units: units.length, complete: filled.filter((n) => n === COMPLETENESS_PARTS.length).length, empty: filled.filter((n) => n === 0).length };
      });
      return { message: nationalProfileMessage(rows), buttons: [] };
    }
    if (target.kind !== 'provinsi') return { message: ownView(target), buttons: [...editButtons(ctx, target), ...documentButtons(target)] };
    const units = regions.regenciesOf(target.code);
    const rows = units.map((u) => ({ name: u.name, completeness: completenessOf(store.profiles.get(u.code)) }));
    // Each kab/kota opens with a press: the completeness list is where a coordinator starts chasing.
    const open = units.map((u) => [callbackButton(PROFILE_LABELS.open(u.name), FEATURE, 'u', u.code)]);
    return { message: provinceProfileMessage(target.name, rows, ownView(target)), buttons: [...editButtons(ctx, target), ...documentButtons(target), ...open] };
  };

  /** A new message each time (a kab/kota opened from a province's list leaves the list in place). */
  const show = async (ctx: BotContext, target: Unit | 'national'): Promise<void> => {
    const v = view(ctx, target);
    await replyHtml(ctx, v.message, deps.sleep, { buttons: v.buttons });
  };

  /** `unitCode`: the unit an entry starts for; otherwise the running flow's. This year is the unit's own. */
  const facts = (ctx: BotContext, unitCode?: string): ProfileFacts => {
    const now = deps.clock();
    const flow = currentFlow(ctx);
    const code = unitCode ?? (flow?.name === 'profile' ? flow.unitCode : NATIONAL);
    const zone = regions.get(code)?.zone ?? WIB;
    return { access: ctx.access, now, year: localDateOf(now, zone.iana).year, actor: actorOf(ctx), unitName: nameOf, profile: (c) => store.profiles.get(c) };
  };

  /** Saving what a flow entered: stored, audited (old -> new where something is replaced), the person answered. */
  const perform = async (ctx: BotContext, effect: ProfileEffect): Promise<Reply[]> => {
    // The flow checked this at every step; checked once more where the write happens.
    if (!canEditProfile(ctx.access, effect.unitCode)) return [{ message: profileText.notAllowed(nameOf(effect.unitCode) ?? effect.unitCode) }];
    const unit = nameOf(effect.unitCode) ?? effect.unitCode;
    const at = deps.clock();
    const audit = (action: Parameters<typeof store.audit.record>[0]['action'], details: Record<string, unknown>) =>
      store.audit.record({ at, actor: actorOf(ctx), action, scope: effect.unitCode, details });
    switch (effect.kind) {
      case 'regulation': {
        const r = effect.regulation;
        const old = await store.profiles.putRegulation(effect.unitCode, r);
        await audit('profile.regulation', { kind: r.kind, number: r.number, year: r.year, subject: r.subject, replaced: old !== undefined, ...(r.document ? { document: r.document.name } : {}) });
        return [{ message: profileSaved.regulation(unit, r) }];
      }
      case 'budget': {
        const b = effect.line;
        const old = await store.profiles.putBudget(effect.unitCode, b);
        await audit('profile.budget', {
          year: b.year,
          purpose: b.purpose,
          source: b.source,
          pagu: b.paguSen,
          realisasi: b.realisasiSen,
          people: b.people,
          ...(old ? { fromPagu: old.paguSen, fromRealisasi: old.realisasiSen, fromPeople: old.people } : {}),
        });
        return [{ message: profileSaved.budget(unit, b) }];
      }
      case 'villages': {
        const v = effect.villages;
        const old = await store.profiles.setVillages(effect.unitCode, v);
        await audit('profile.villages', { desa: v.desa, covered: v.covered, ...(old ? { fromDesa: old.desa, fromCovered: old.covered } : {}) });
        return [{ message: profileSaved.villages(unit) }];
      }
      case 'kendala': {
        await store.profiles.addKendala(effect.unitCode, effect.kendala);
        await audit('profile.kendala', { kendala: effect.kendala.id, text: effect.kendala.text });
        return [{ message: profileSaved.kendala(unit) }];
      }
    }
  };

  const registered = new Composer<BotContext>();
  registered.command(['profile', 'profil'], async (ctx) => {
    const query = ctx.payload.trim();
    const access = ctx.access;
    if (query === '') {
      const own = ownScope(access);
      if (own === NATIONAL) return show(ctx, 'national');
      const unit = own === undefined ? undefined : regions.get(own);
      return unit ? show(ctx, unit) : replyHtml(ctx, profileUsageMessage(), deps.sleep);
    }
    const answer = resolveUnit(regions, query, (code) => canQuery(access, code), { feature: FEATURE, action: 'u' });
    if (answer.kind === 'ask') return replyHtml(ctx, answer.message, deps.sleep, answer.buttons ? { buttons: answer.buttons } : {});
    await show(ctx, answer.kind === 'national' ? 'national' : answer.unit);
  });

  // Presses on a view: open a unit, start an entry, list or close kendala. Each checked again: data can be forged.
  registered.action(/^prf:(u|ereg|ebud|evil|eken|kc|kx|doc|del|dr|db|drx|dbx|keep):/, async (ctx) => {
    const data = pressedData(ctx);
    if (!data) return void (await ctx.answerCbQuery(expiredButtonAnswer));
    if (data.action === 'kx') return closeKendala(ctx, data.arg);
    if (data.action === 'doc') return sendRegulationDocument(ctx, data.arg);
    if (['dr', 'db', 'drx', 'dbx', 'keep'].includes(data.action)) return removeEntry(ctx, data.action, data.arg);
    const unit = regions.get(data.arg);
    if (!unit) return void (await ctx.answerCbQuery(expiredButtonAnswer));
    if (data.action === 'u') {
      if (!canQuery(ctx.access, unit.code)) {
        await ctx.answerCbQuery(noAccessAnswer, { show_alert: true });
        return replyHtml(ctx, outOfScopeMessage(unit.name), deps.sleep);
      }
      await ctx.answerCbQuery();
      return show(ctx, unit);
    }
    if (!canEditProfile(ctx.access, unit.code)) return void (await ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));
    if (!isPrivate(ctx)) {
      await ctx.answerCbQuery();
      return replyHtml(ctx, profileText.privateOnly(), deps.sleep);
    }
    if (data.action === 'del') {
      await ctx.answerCbQuery();
      const p = store.profiles.get(unit.code);
      if (!removable(unit.code) || !p) return replyHtml(ctx, profileText.nothingToRemove(unitLabel(unit)), deps.sleep);
      return replyHtml(ctx, profileText.pickRemoval(unitLabel(unit)), deps.sleep, {
        buttons: [
          ...sortedRegulations(p.regulations).map((r) => [callbackButton(PROFILE_LABELS.removeRegulation(r), FEATURE, 'dr', r.id)]),
          ...sortedBudget(p.budget).map((b) => [callbackButton(PROFILE_LABELS.removeBudget(b), FEATURE, 'db', b.id)]),
        ],
      });
    }
    if (data.action === 'kc') {
      await ctx.answerCbQuery();
      const open = (store.profiles.get(unit.code)?.kendala ?? []).filter((k) => !k.closedAt);
      if (open.length === 0) return replyHtml(ctx, profileText.noOpenKendala(unitLabel(unit)), deps.sleep);
      return replyHtml(ctx, profileText.pickKendala(unitLabel(unit), open, unit.zone), deps.sleep, {
        buttons: open.map((k, i) => [callbackButton(PROFILE_LABELS.close(i + 1), FEATURE, 'kx', k.id)]),
      });
    }
    const part = ENTRY[data.action];
    if (!part) return void (await ctx.answerCbQuery(expiredButtonAnswer));
    return applyStep(ctx, deps, startProfileEntry(randomBytes(4).toString('hex'), unit.code, part, facts(ctx, unit.code)), (effect) => perform(ctx, effect));
  });

  const sendRegulationDocument = async (ctx: BotContext, id: string): Promise<void> => {
    const found = store.profiles.findRegulation(id);
    const document = found?.regulation.document;
    if (!found || !document) return void (await ctx.answerCbQuery(expiredButtonAnswer));
    if (!canQuery(ctx.access, found.unitCode)) return void (await ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));
    await ctx.answerCbQuery();
    const caption = profileText.documentCaption(nameOf(found.unitCode) ?? found.unitCode, found.regulation);
    await withFloodRetry(() => ctx.replyWithDocument(document.fileId, { caption: caption.text, parse_mode: 'HTML' }), deps.sleep);
  };

  /** Removing a regulation or budget line entered by mistake: chosen, confirmed, audited; each press checked again. */
  const removeEntry = async (ctx: BotContext, action: string, id: string): Promise<void> => {
    if (action === 'keep') {
      await ctx.answerCbQuery();
      return replyHtml(ctx, profileText.kept(), deps.sleep);
    }
    const regulation = action === 'dr' || action === 'drx' ? store.profiles.findRegulation(id) : undefined;
    const budget = action === 'db' || action === 'dbx' ? store.profiles.findBudget(id) : undefined;
    const unitCode = regulation?.unitCode ?? budget?.unitCode;
    if (!unitCode) return void (await ctx.answerCbQuery(expiredButtonAnswer));
    if (!canEditProfile(ctx.access, unitCode) || !isPrivate(ctx)) return void (await ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));
    await ctx.answerCbQuery();
    const unit = nameOf(unitCode) ?? unitCode;
    const what = regulation ? regulationTitle(regulation.regulation) : budget ? budgetLineTitle(budget.line) : '';
    if (action === 'dr' || action === 'db') {
      return replyHtml(ctx, profileText.confirmRemove(what, unit), deps.sleep, {
        buttons: [[callbackButton(PROFILE_LABELS.confirmRemove, FEATURE, `${action}x`, id), callbackButton(PROFILE_LABELS.keep, FEATURE, 'keep', 'x')]],
      });
    }
    const removed = regulation ? await store.profiles.removeRegulation(unitCode, id) : await store.profiles.removeBudget(unitCode, id);
    if (!removed) return;
    const details = regulation
      ? { what: 'regulation', kind: regulation.regulation.kind, number: regulation.regulation.number, year: regulation.regulation.year }
      : { what: 'budget', year: budget?.line.year, purpose: budget?.line.purpose, source: budget?.line.source, pagu: budget?.line.paguSen, realisasi: budget?.line.realisasiSen };
    await store.audit.record({ at: deps.clock(), actor: actorOf(ctx), action: 'profile.remove', scope: unitCode, details });
    await replyHtml(ctx, profileText.removed(what), deps.sleep);
  };

  const closeKendala = async (ctx: BotContext, id: string): Promise<void> => {
    const found = store.profiles.findKendala(id);
    if (!found) return void (await ctx.answerCbQuery(expiredButtonAnswer));
    if (!canEditProfile(ctx.access, found.unitCode)) return void (await ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));
    const closed = await store.profiles.closeKendala(found.unitCode, id, actorOf(ctx), deps.clock());
    await ctx.answerCbQuery(closed ? undefined : kendalaAlreadyClosedAnswer);
    if (!closed) return;
    await store.audit.record({ at: deps.clock(), actor: actorOf(ctx), action: 'profile.kendala_close', scope: found.unitCode, details: { kendala: id, text: found.kendala.text } });
    await replyHtml(ctx, profileText.kendalaClosed(found.kendala.text), deps.sleep);
  };

  // A document while a regulation is entered: its file_id, name and size (never its bytes).
  registered.on('document', async (ctx, next) => {
    const flow = currentFlow(ctx);
    if (flow?.name !== 'profile' || !isPrivate(ctx)) return next();
    const d = ctx.message.document;
    await applyStep(ctx, deps, profileStep(flow, { kind: 'document', fileId: d.file_id, name: d.file_name, size: d.file_size }, facts(ctx)), (effect) => perform(ctx, effect));
  });

  registered.use(
    Composer.optional(
      (ctx: BotContext) => isPrivate(ctx) || ctx.callbackQuery !== undefined,
      guidedFlow<ProfileState, ProfileEffect, ProfileFacts>(deps, { name: 'profile', feature: FEATURE, facts: (ctx) => facts(ctx), step: profileStep, perform, acceptsOther: true }),
    ),
  );

  const refused = new Composer<BotContext>();
  refused.command(['profile', 'profil'], (ctx) => replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep));
  refused.action(/^prf:/, (ctx) => ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));

  return new Composer<BotContext>(Composer.branch(isRegistered, registered, refused));
}
