import { ReadOnlyNotice as ReadOnlyNotice_8ddd4d950f8857d5d67263a642744be5 } from '../../../components/workflow/ReadOnlyNotice'
import { StateCell as StateCell_2734099343a9f9b560540db6255a8ac1 } from '../../../components/workflow/StateCell'
import { WorkflowPanel as WorkflowPanel_86528507ce6211eb2e17f7a880e5b4cf } from '../../../components/workflow/WorkflowPanel'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OverviewComponent as OverviewComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaTitleComponent as MetaTitleComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaImageComponent as MetaImageComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaDescriptionComponent as MetaDescriptionComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { PreviewComponent as PreviewComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { WorkflowActions as WorkflowActions_7f8f4f43782254a14e3e51ff6323c59b } from '../../../components/workflow/WorkflowActions'
import { FirstDraftSave as FirstDraftSave_1417cad83f21dfd598fbbb402558d389 } from '../../../components/workflow/FirstDraftSave'
import { Nothing as Nothing_4b718454b82492adc0d6686a7d89bc5e } from '../../../components/workflow/Nothing'
import { DocumentState as DocumentState_cd77c321b346e118070b8576834f19ba } from '../../../components/workflow/DocumentState'
import { Icon as Icon_dfe4008080d895d460898c3a6155e9ba } from '../../../components/admin/Icon'
import { Logo as Logo_91a09b539d3c86b0aebf520e7564ce08 } from '../../../components/admin/Logo'
import { HeaderLinks as HeaderLinks_a5a8a50726f9eb2cd1c8720d71b92367 } from '../../../components/workflow/NavLinks'
import { DeskDashboard as DeskDashboard_3c1aaf0e7440e5670b8a3fbf1657b952 } from '../../../components/workflow/DeskDashboard'
import { NavLinks as NavLinks_a5a8a50726f9eb2cd1c8720d71b92367 } from '../../../components/workflow/NavLinks'
import { BoardView as BoardView_ac5ebc29fa3978c17fbb41ceeee6c624 } from '../../../components/workflow/BoardView'
import { QueueView as QueueView_84f9e67a5aaf8bb76232597b1dadbf39 } from '../../../components/workflow/QueueView'
import { CalendarView as CalendarView_a4bd2ce17571c9a8ddada8ee8cc9344c } from '../../../components/workflow/CalendarView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  '/components/workflow/ReadOnlyNotice#ReadOnlyNotice':
    ReadOnlyNotice_8ddd4d950f8857d5d67263a642744be5,
  '/components/workflow/StateCell#StateCell': StateCell_2734099343a9f9b560540db6255a8ac1,
  '/components/workflow/WorkflowPanel#WorkflowPanel':
    WorkflowPanel_86528507ce6211eb2e17f7a880e5b4cf,
  '@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell':
    RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  '@payloadcms/richtext-lexical/rsc#RscEntryLexicalField':
    RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  '@payloadcms/richtext-lexical/rsc#LexicalDiffComponent':
    LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  '@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient':
    InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  '@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient':
    FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  '@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient':
    HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  '@payloadcms/richtext-lexical/client#UploadFeatureClient':
    UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  '@payloadcms/richtext-lexical/client#BlockquoteFeatureClient':
    BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  '@payloadcms/richtext-lexical/client#OrderedListFeatureClient':
    OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  '@payloadcms/richtext-lexical/client#UnorderedListFeatureClient':
    UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  '@payloadcms/richtext-lexical/client#LinkFeatureClient':
    LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  '@payloadcms/richtext-lexical/client#StrikethroughFeatureClient':
    StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  '@payloadcms/richtext-lexical/client#UnderlineFeatureClient':
    UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  '@payloadcms/richtext-lexical/client#BoldFeatureClient':
    BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  '@payloadcms/richtext-lexical/client#ItalicFeatureClient':
    ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  '@payloadcms/richtext-lexical/client#HeadingFeatureClient':
    HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  '@payloadcms/richtext-lexical/client#ParagraphFeatureClient':
    ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  '@payloadcms/plugin-seo/client#OverviewComponent':
    OverviewComponent_a8a977ebc872c5d5ea7ee689724c0860,
  '@payloadcms/plugin-seo/client#MetaTitleComponent':
    MetaTitleComponent_a8a977ebc872c5d5ea7ee689724c0860,
  '@payloadcms/plugin-seo/client#MetaImageComponent':
    MetaImageComponent_a8a977ebc872c5d5ea7ee689724c0860,
  '@payloadcms/plugin-seo/client#MetaDescriptionComponent':
    MetaDescriptionComponent_a8a977ebc872c5d5ea7ee689724c0860,
  '@payloadcms/plugin-seo/client#PreviewComponent':
    PreviewComponent_a8a977ebc872c5d5ea7ee689724c0860,
  '/components/workflow/WorkflowActions#WorkflowActions':
    WorkflowActions_7f8f4f43782254a14e3e51ff6323c59b,
  '/components/workflow/FirstDraftSave#FirstDraftSave':
    FirstDraftSave_1417cad83f21dfd598fbbb402558d389,
  '/components/workflow/Nothing#Nothing': Nothing_4b718454b82492adc0d6686a7d89bc5e,
  '/components/workflow/DocumentState#DocumentState':
    DocumentState_cd77c321b346e118070b8576834f19ba,
  '/components/admin/Icon#Icon': Icon_dfe4008080d895d460898c3a6155e9ba,
  '/components/admin/Logo#Logo': Logo_91a09b539d3c86b0aebf520e7564ce08,
  '/components/workflow/NavLinks#HeaderLinks': HeaderLinks_a5a8a50726f9eb2cd1c8720d71b92367,
  '/components/workflow/DeskDashboard#DeskDashboard':
    DeskDashboard_3c1aaf0e7440e5670b8a3fbf1657b952,
  '/components/workflow/NavLinks#NavLinks': NavLinks_a5a8a50726f9eb2cd1c8720d71b92367,
  '/components/workflow/BoardView#BoardView': BoardView_ac5ebc29fa3978c17fbb41ceeee6c624,
  '/components/workflow/QueueView#QueueView': QueueView_84f9e67a5aaf8bb76232597b1dadbf39,
  '/components/workflow/CalendarView#CalendarView': CalendarView_a4bd2ce17571c9a8ddada8ee8cc9344c,
  '@payloadcms/next/rsc#CollectionCards': CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1,
}
