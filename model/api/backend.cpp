// SPDX-License-Identifier: Apache-2.0
#include "backend.h"

namespace lakeside {

Error Backend::notSupported(const char* what) const
{
    return makeError(ErrorKind::NotImplemented, std::string(what) + " is not available on " + describe());
}

Result<Backend::ProtectionRules> Backend::getBranchProtection(const std::string&)
{ return notSupported("branch protection"); }
Status Backend::setBranchProtection(const std::string&, const ProtectionRules&, const std::string&)
{ return notSupported("branch protection"); }
Result<Page<PullRequest>> Backend::listPulls(const std::string&, const std::string&, const ListParams&)
{ return notSupported("review requests"); }
Result<PullRequest> Backend::getPull(const std::string&, const std::string&)
{ return notSupported("review requests"); }
Result<std::string> Backend::createPull(const std::string&, const PullRequestCreation&)
{ return notSupported("review requests"); }
Status Backend::updatePull(const std::string&, const std::string&, const PullRequestUpdate&)
{ return notSupported("review requests"); }
Result<MergeResult> Backend::mergePull(const std::string&, const std::string&, const MergeParams&)
{ return notSupported("review requests"); }
Result<std::vector<Review>> Backend::listReviews(const std::string&, const std::string&)
{ return notSupported("reviews"); }
Status Backend::addReview(const std::string&, const std::string&, const Review&)
{ return notSupported("reviews"); }
Result<Page<ActionRun>> Backend::listActionRuns(const std::string&, const std::string&, const std::string&, const ListParams&)
{ return notSupported("action runs"); }
Result<ActionRun> Backend::getActionRun(const std::string&, const std::string&)
{ return notSupported("action runs"); }
Result<Page<HookRun>> Backend::listHookRuns(const std::string&, const std::string&, const ListParams&)
{ return notSupported("hook runs"); }
Result<std::string> Backend::getHookOutput(const std::string&, const std::string&, const std::string&)
{ return notSupported("hook output"); }

} // namespace lakeside
