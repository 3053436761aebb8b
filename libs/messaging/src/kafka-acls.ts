import type { AclEntry, Kafka } from 'kafkajs';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';

/** Who may do what on which topic, for every member state's authority. */
export interface AuthorityAclPlan {
  readonly memberStates: readonly string[];
  /** The SCRAM user of a member state's authority, e.g. authority-DE. */
  readonly principalOf: (memberState: string) => string;
  /** The member state's own topic, which only it may read. */
  readonly readTopicOf: (memberState: string) => string;
  /** The member state's inbound topic, which only it may write. */
  readonly writeTopicOf: (memberState: string) => string;
  /** Topics every authority may read (not addressed to one member state). */
  readonly publicTopics: readonly string[];
}

const allow = (
  principal: string,
  resourceType: AclResourceTypes,
  resourceName: string,
  operation: AclOperationTypes,
  resourcePatternType = ResourcePatternTypes.LITERAL,
): AclEntry => ({
  principal: `User:${principal}`,
  host: '*',
  resourceType,
  resourceName,
  resourcePatternType,
  operation,
  permissionType: AclPermissionTypes.ALLOW,
});

/**
 * The ACLs that make confidentiality the broker's business. With StandardAuthorizer and
 * allow.everyone.if.no.acl.found=false, whatever is not listed is refused: a member state's principal
 * reads its own topic and the public ones, writes only its own inbound topic, and uses consumer groups
 * named `<principal>.` something. Everything else (the other member states' topics, the dead-letter
 * topic, creating topics) is left to the super user the relay runs as.
 */
export function authorityAcls(plan: AuthorityAclPlan): AclEntry[] {
  return plan.memberStates.flatMap((memberState) => {
    const principal = plan.principalOf(memberState);
    const readable = [plan.readTopicOf(memberState), ...plan.publicTopics];
    return [
      ...readable.flatMap((topic) => [
        allow(principal, AclResourceTypes.TOPIC, topic, AclOperationTypes.READ),
        allow(principal, AclResourceTypes.TOPIC, topic, AclOperationTypes.DESCRIBE),
      ]),
      allow(principal, AclResourceTypes.TOPIC, plan.writeTopicOf(memberState), AclOperationTypes.WRITE),
      allow(principal, AclResourceTypes.TOPIC, plan.writeTopicOf(memberState), AclOperationTypes.DESCRIBE),
      allow(principal, AclResourceTypes.GROUP, `${principal}.`, AclOperationTypes.READ, ResourcePatternTypes.PREFIXED),
    ];
  });
}

/**
 * An agency that reads one topic and nothing else (customs: the customs topic; the Commission: its
 * own), with consumer groups named `<principal>.` something. It writes nowhere.
 */
export function readerAcls(principal: string, topic: string): AclEntry[] {
  return [
    allow(principal, AclResourceTypes.TOPIC, topic, AclOperationTypes.READ),
    allow(principal, AclResourceTypes.TOPIC, topic, AclOperationTypes.DESCRIBE),
    allow(principal, AclResourceTypes.GROUP, `${principal}.`, AclOperationTypes.READ, ResourcePatternTypes.PREFIXED),
  ];
}

/** Creates the ACLs; the broker keeps an ACL given twice once, so every start can run it. */
export async function ensureAcls(kafka: Kafka, acls: readonly AclEntry[]): Promise<void> {
  if (acls.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createAcls({ acl: [...acls] });
  } finally {
    await admin.disconnect();
  }
}
