import { relations } from "drizzle-orm";
import {
  applicationEvents,
  applicationMaterials,
  applications,
  ratings,
} from "./applications";
import { familyRelations, persons } from "./base-data";
import { serviceBundleItems, serviceBundles, serviceMaterials, services } from "./catalogue";
import { licences, licenceTypes } from "./licences";
import { departments } from "./organisation";
import { users } from "./users";

export const personsRelations = relations(persons, ({ many, one }) => ({
  family: many(familyRelations),
  licences: many(licences),
  applications: many(applications),
  user: one(users, { fields: [persons.id], references: [users.personId] }),
}));

export const familyRelationsRelations = relations(familyRelations, ({ one }) => ({
  person: one(persons, { fields: [familyRelations.personId], references: [persons.id] }),
}));

export const departmentsRelations = relations(departments, ({ many }) => ({
  services: many(services),
  licenceTypes: many(licenceTypes),
}));

export const licenceTypesRelations = relations(licenceTypes, ({ one }) => ({
  issuingDepartment: one(departments, {
    fields: [licenceTypes.issuingDepartmentId],
    references: [departments.id],
  }),
}));

export const licencesRelations = relations(licences, ({ one }) => ({
  type: one(licenceTypes, { fields: [licences.licenceTypeId], references: [licenceTypes.id] }),
  holder: one(persons, { fields: [licences.holderPersonId], references: [persons.id] }),
}));

export const servicesRelations = relations(services, ({ one, many }) => ({
  department: one(departments, { fields: [services.departmentId], references: [departments.id] }),
  materials: many(serviceMaterials),
  issuesLicenceType: one(licenceTypes, {
    fields: [services.issuesLicenceTypeId],
    references: [licenceTypes.id],
  }),
}));

export const serviceMaterialsRelations = relations(serviceMaterials, ({ one }) => ({
  service: one(services, { fields: [serviceMaterials.serviceId], references: [services.id] }),
  licenceType: one(licenceTypes, {
    fields: [serviceMaterials.licenceTypeId],
    references: [licenceTypes.id],
  }),
}));

export const serviceBundlesRelations = relations(serviceBundles, ({ many }) => ({
  items: many(serviceBundleItems),
}));

export const serviceBundleItemsRelations = relations(serviceBundleItems, ({ one }) => ({
  bundle: one(serviceBundles, {
    fields: [serviceBundleItems.bundleId],
    references: [serviceBundles.id],
  }),
  service: one(services, { fields: [serviceBundleItems.serviceId], references: [services.id] }),
}));

export const applicationsRelations = relations(applications, ({ one, many }) => ({
  service: one(services, { fields: [applications.serviceId], references: [services.id] }),
  applicant: one(persons, {
    fields: [applications.applicantPersonId],
    references: [persons.id],
  }),
  events: many(applicationEvents),
  materials: many(applicationMaterials),
  rating: one(ratings),
}));

export const applicationEventsRelations = relations(applicationEvents, ({ one }) => ({
  application: one(applications, {
    fields: [applicationEvents.applicationId],
    references: [applications.id],
  }),
}));

export const applicationMaterialsRelations = relations(applicationMaterials, ({ one }) => ({
  application: one(applications, {
    fields: [applicationMaterials.applicationId],
    references: [applications.id],
  }),
  serviceMaterial: one(serviceMaterials, {
    fields: [applicationMaterials.serviceMaterialId],
    references: [serviceMaterials.id],
  }),
  licence: one(licences, { fields: [applicationMaterials.licenceId], references: [licences.id] }),
}));

export const ratingsRelations = relations(ratings, ({ one }) => ({
  application: one(applications, {
    fields: [ratings.applicationId],
    references: [applications.id],
  }),
}));
