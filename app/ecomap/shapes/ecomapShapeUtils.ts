import { FamilyTieShapeUtil } from './FamilyTieShapeUtil.tsx';
import { HouseholdBoundaryShapeUtil } from './HouseholdBoundaryShapeUtil.tsx';
import { HouseholdMemberShapeUtil } from './HouseholdMemberShapeUtil.tsx';
import { SocialResourceShapeUtil } from './SocialResourceShapeUtil.tsx';
import { SupportTieShapeUtil } from './SupportTieShapeUtil.tsx';

/** kasane's shapes, added to tldraw's defaults everywhere a map is drawn. */
export const ecomapShapeUtils = [
  HouseholdMemberShapeUtil,
  HouseholdBoundaryShapeUtil,
  SocialResourceShapeUtil,
  SupportTieShapeUtil,
  FamilyTieShapeUtil,
] as const;
